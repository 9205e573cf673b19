import "server-only";
import { redirect } from "next/navigation";
import { canTeach, getActor, type Actor } from "@/lib/auth";
import type { Locale } from "@/lib/i18n";

/**
 * Every instructor page calls this first (admins pass too): visitors are sent to sign in,
 * signed-in learners to the learners' side of live sessions. The APIs check the same on their own
 * (403).
 */
export async function requireInstructorPage(locale: Locale): Promise<Actor> {
  const actor = await getActor();
  if (actor?.kind === "user" && canTeach(actor.role)) return actor;
  redirect(actor?.kind === "user" ? `/${locale}/join` : `/${locale}/signin`);
}
