import Link from "next/link";
import { getActor } from "@/lib/auth";
import { canTeach, isAdmin } from "@/lib/roles";
import type { Locale } from "@/lib/i18n/config";
import { SignOutButton } from "./sign-out-button";

interface Labels {
  teach: string;
  admin: string;
  signIn: string;
  signUp: string;
  signOut: string;
  signedInAs: string;
}

/**
 * Sign in / create account, or who is signed in and a sign-out button. Rendered on the server
 * from the same identity the page uses (the role is read from the database), so no session
 * provider runs in the browser.
 */
export async function AccountMenu({ locale, labels }: { locale: Locale; labels: Labels }) {
  const actor = await getActor();
  if (actor?.kind === "user") {
    const who = actor.name || actor.email || "";
    return (
      <span className="nav">
        {/* Only which links to show: every page and API checks the role again on the server. */}
        {canTeach(actor.role) && <Link href={`/${locale}/teach`}>{labels.teach}</Link>}
        {isAdmin(actor.role) && <Link href={`/${locale}/admin`}>{labels.admin}</Link>}
        <span className="meta">{labels.signedInAs.replace("{name}", who)}</span>
        <SignOutButton to={`/${locale}`} label={labels.signOut} />
      </span>
    );
  }
  return (
    <span className="nav">
      <Link href={`/${locale}/signin`}>{labels.signIn}</Link>
      <Link href={`/${locale}/signup`} className="button">
        {labels.signUp}
      </Link>
    </span>
  );
}
