import { z } from "zod";

/** One schema for the sign-up form and the endpoint behind it. */
export const signUpSchema = z.strictObject({
  email: z.string().trim().toLowerCase().email("not a valid email address").max(254),
  password: z
    .string()
    .min(10, "the password needs at least 10 characters")
    .max(200)
    .refine((p) => p.trim().length >= 10, "the password needs at least 10 characters besides spaces"),
  // Control and invisible formatting characters (NUL, right-to-left overrides…) are removed.
  name: z
    .string()
    .max(60)
    .optional()
    .transform((v) => v?.replace(/[\p{Cc}\p{Cf}]/gu, "").trim() || undefined),
});

/** The field a sign-up error is about, as a code the form translates. */
export function signUpErrorCode(field: unknown): "invalid-email" | "weak-password" | "invalid-name" | "invalid" {
  return field === "email" ? "invalid-email" : field === "password" ? "weak-password" : field === "name" ? "invalid-name" : "invalid";
}
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.strictObject({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
});

