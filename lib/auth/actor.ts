import "server-only";
import { getServerSession } from "next-auth";
import { cookies } from "next/headers";
import { db } from "@/lib/db";
import { noteRequestUser } from "@/lib/log";
import { mergeGuestInto } from "@/lib/progress/merge";
import { appCookieOptions } from "@/lib/security/cookies";
import { authOptions, GUEST_COOKIE } from "./options";
import { canTeach, isAdmin } from "@/lib/roles";
import { isUniqueViolation } from "@/lib/progress/attempt-id";
import { findGuestByToken, guestTokenFromAttempt, hashGuestToken, newGuestToken } from "./users";

/** Who is acting: a signed-in user, or a guest known by a cookie. */
export interface Actor {
  userId: string;
  kind: "user" | "guest";
  name: string | null;
  email: string | null;
  role: string;
}

const GUEST_COOKIE_MAX_AGE = 365 * 24 * 60 * 60;

export async function getSessionUserId(): Promise<string | null> {
  const session = await getServerSession(authOptions);
  return ((session?.user as { id?: string } | undefined)?.id as string | undefined) ?? null;
}

/**
 * Resolves the current actor. With `create`, a visitor without an identity gets a guest row
 * and cookie (allowed only where cookies can be set: route handlers and server actions). When
 * that first request is an answer, `firstAttemptId` (its attempt id) names the guest, so that
 * resending the answer without the cookie its lost response carried finds the same guest.
 */
export async function getActor(opts: { create: boolean; firstAttemptId?: string } = { create: false }): Promise<Actor | null> {
  const sessionUserId = await getSessionUserId();
  if (sessionUserId) {
    const user = await db.user.findUnique({ where: { id: sessionUserId } });
    if (user) {
      noteRequestUser(user.id);
      return { userId: user.id, kind: "user", name: user.name, email: user.email, role: user.role };
    }
  }
  const jar = await cookies();
  const guest = await findGuestByToken(db, jar.get(GUEST_COOKIE)?.value);
  if (guest) {
    noteRequestUser(guest.id);
    return { userId: guest.id, kind: "guest", name: null, email: null, role: "learner" };
  }
  if (!opts.create) return null;
  const secret = process.env.NEXTAUTH_SECRET;
  const fresh = opts.firstAttemptId && secret ? guestTokenFromAttempt(opts.firstAttemptId, secret) : newGuestToken();
  const guestTokenHash = hashGuestToken(fresh);
  // A resend of a first answer finds the guest its first copy made; two copies at once meet on the unique index.
  const created =
    (await findGuestByToken(db, fresh)) ??
    (await db.user.create({ data: { guestTokenHash } }).catch(async (err: unknown) => {
      const again = isUniqueViolation(err) ? await findGuestByToken(db, fresh) : null;
      if (!again) throw err;
      return again;
    }));
  jar.set(GUEST_COOKIE, fresh, appCookieOptions(GUEST_COOKIE_MAX_AGE));
  noteRequestUser(created.id);
  return { userId: created.id, kind: "guest", name: null, email: null, role: "learner" };
}

/** The guest row behind this browser's cookie, if any (used when signing up). */
export async function currentGuestId(): Promise<string | null> {
  return (await findGuestByToken(db, (await cookies()).get(GUEST_COOKIE)?.value))?.id ?? null;
}

/**
 * After sign-in or sign-up: answers sent with the guest cookie while signing in are merged into
 * the account, and the guest cookie is cleared so nothing new lands on a guest.
 */
export async function claimGuest(): Promise<void> {
  const userId = await getSessionUserId();
  const jar = await cookies();
  if (!userId) return;
  const guest = await findGuestByToken(db, jar.get(GUEST_COOKIE)?.value);
  if (guest) await mergeGuestInto(db, guest.id, userId);
  jar.delete(GUEST_COOKIE);
}

/**
 * The signed-in instructor (or admin, who can do everything an instructor can) making this
 * request, or null. Checked on the server by every instructor page, action and API (hiding links
 * is not access control). The role is read from the database, so a demotion takes effect at once.
 */
export async function getInstructor(): Promise<Actor | null> {
  const actor = await getActor();
  return actor?.kind === "user" && canTeach(actor.role) ? actor : null;
}

/** The signed-in admin making this request, or null; read from the database like getInstructor. */
export async function getAdmin(): Promise<Actor | null> {
  const actor = await getActor();
  return actor?.kind === "user" && isAdmin(actor.role) ? actor : null;
}
