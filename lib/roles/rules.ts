/**
 * The role names and what each may reach, without a schema library: the account menu runs in
 * every page's browser bundle, so this file imports nothing (lib/roles/index.ts holds the rest).
 */
export const ROLES = ["learner", "instructor", "admin"] as const;
export type Role = (typeof ROLES)[number];
/** The roles an admin may give from the admin page. */
export const ASSIGNABLE_ROLES = ["learner", "instructor"] as const;
export type AssignableRole = (typeof ASSIGNABLE_ROLES)[number];

/** Whether this role may use the instructor pages and APIs. */
export const canTeach = (role: string | null | undefined): boolean => role === "instructor" || role === "admin";
export const isAdmin = (role: string | null | undefined): boolean => role === "admin";
