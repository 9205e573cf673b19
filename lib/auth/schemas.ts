import { z } from "zod";

/** One schema for the sign-up form and the endpoint behind it. */
export const signUpSchema = z.strictObject({
  email: z.string().trim().toLowerCase().email("not a valid email address").max(254),
  password: z.string().min(10, "the password needs at least 10 characters").max(200),
  name: z.string().trim().max(60).optional().transform((v) => (v ? v : undefined)),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.strictObject({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
});

export const ROLES = ["learner", "instructor"] as const;
export type Role = (typeof ROLES)[number];
