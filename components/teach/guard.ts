import "server-only";
import { redirect } from "next/navigation";
import { getActor, type Actor } from "@/lib/auth";
import type { Locale } from "@/lib/i18n";

/**
 * Every instructor page calls this first: visitors are sent to sign in, signed-in learners to the
 * learners' side of live sessions. The APIs check the same on their own (403).
 */
export async function requireInstructorPage(locale: Locale): Promise<Actor> {
  const actor = await getActor();
  if (actor?.kind === "user" && actor.role === "instructor") return actor;
  redirect(actor?.kind === "user" ? `/${locale}/join` : `/${locale}/signin`);
}
