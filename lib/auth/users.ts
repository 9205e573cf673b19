import "server-only";
import { createHash, createHmac, randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/db";
import { hashPassword, verifyPassword } from "./password";
import type { Role } from "@/lib/roles";
import type { SignUpInput } from "./schemas";

export type SignUpResult = { ok: true; userId: string } | { ok: false; error: "email-taken" };

export function hashGuestToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function newGuestToken(): string {
  return randomBytes(24).toString("base64url");
}

/**
 * The guest token a visitor's first answer names (decision 015): derived with the app's secret
 * from the answer's attempt id (a UUID only that browser knows), so a resend of the answer after
 * its response was lost — the response that carried the guest cookie — finds the guest the first
 * copy created, instead of storing the answer again under a new one. Same shape as newGuestToken.
 */
export function guestTokenFromAttempt(attemptId: string, secret: string): string {
  return createHmac("sha256", secret).update(`lossless-guest:${attemptId}`).digest().subarray(0, 24).toString("base64url");
}

/** The guest row behind a guest cookie's token, if it still exists. */
export function findGuestByToken(db: PrismaClient, token: string | null | undefined) {
  return token ? db.user.findFirst({ where: { guestTokenHash: hashGuestToken(token), email: null } }) : Promise.resolve(null);
}

/**
 * Creates an account. A guest's row becomes the account, so everything they did as a guest is
 * simply theirs; with no guest, a new row is made.
 */
export async function signUp(db: PrismaClient, input: SignUpInput, guestId: string | null, role: Role = "learner"): Promise<SignUpResult> {
  const passwordHash = await hashPassword(input.password);
  if (await db.user.findUnique({ where: { email: input.email } })) return { ok: false, error: "email-taken" };
  const data = { email: input.email, name: input.name ?? null, passwordHash, role, guestTokenHash: null };
  try {
    const guest = guestId ? await db.user.findFirst({ where: { id: guestId, email: null } }) : null;
    const user = guest ? await db.user.update({ where: { id: guest.id }, data }) : await db.user.create({ data });
    return { ok: true, userId: user.id };
  } catch (err) {
    // Two sign-ups racing for one email: the unique index decides.
    if ((err as { code?: string }).code === "P2002") return { ok: false, error: "email-taken" };
    throw err;
  }
}

/** Checks a password; `email` must already be normalised (signInSchema trims and lower-cases it). */
export async function authenticate(db: PrismaClient, email: string, password: string) {
  const user = await db.user.findUnique({ where: { email } });
  if (!user?.passwordHash) {
    // Spend the same time as a real check, so response time does not reveal which emails exist.
    await verifyPassword("$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0000000000000000000000000000000000000000000", password);
    return null;
  }
  return (await verifyPassword(user.passwordHash, password)) ? user : null;
}
