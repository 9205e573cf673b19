/**
 * Roles and who may change them: pure rules, shared by the server (pages, APIs, the CLI) and the
 * browser (which links the account menu shows). Showing a link is never the access check.
 *
 * - learner: the default; every guest is one.
 * - instructor: also runs live sessions and classes (/teach).
 * - admin: everything an instructor can, and sets other accounts' roles (/admin). Admins are made
 *   only with the CLI (`npm run user:create -- --role admin`), so no page can create or remove one.
 */
import { z } from "zod";
import { ASSIGNABLE_ROLES, isAdmin } from "./rules";

export { ROLES, ASSIGNABLE_ROLES, canTeach, isAdmin, type Role, type AssignableRole } from "./rules";

/** One schema for the admin page's role form and the endpoint behind it. */
export const roleChangeSchema = z.strictObject({
  role: z.enum(ASSIGNABLE_ROLES, { error: `role must be one of ${ASSIGNABLE_ROLES.join(", ")}` }),
});


/**
 * Why `actor` may not change `target`'s role, or null when they may. Only admins change roles;
 * nobody changes their own (an admin cannot lock themselves out by accident) or another admin's;
 * guests have no account to promote.
 */
export function roleChangeRefusal(actor: { id: string; role: string }, target: { id: string; role: string; email: string | null } | null): { status: 403 | 404; error: string } | null {
  if (!isAdmin(actor.role)) return { status: 403, error: "only admins can change roles" };
  if (!target || target.email === null) return { status: 404, error: "no account with this id" };
  if (target.id === actor.id) return { status: 403, error: "you cannot change your own role" };
  if (isAdmin(target.role)) return { status: 403, error: "an admin's role can only be changed with the command line (npm run user:create)" };
  return null;
}
