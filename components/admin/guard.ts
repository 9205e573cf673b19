import "server-only";
import { notFound, redirect } from "next/navigation";
import { getActor, isAdmin, type Actor } from "@/lib/auth";
import type { Locale } from "@/lib/i18n";

/**
 * The admin page calls this first: visitors are sent to sign in; signed-in users who are not
 * admins get the ordinary 404, so the page does not even announce itself. The API checks the
 * same on its own (403).
 */
export async function requireAdminPage(locale: Locale): Promise<Actor> {
  const actor = await getActor();
  if (actor?.kind === "user" && isAdmin(actor.role)) return actor;
  if (actor?.kind === "user") notFound();
  redirect(`/${locale}/signin`);
}
