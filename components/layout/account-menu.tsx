"use client";
import Link from "next/link";
import { signOut, useSession } from "next-auth/react";
import { canTeach, isAdmin } from "@/lib/roles";
import type { Locale } from "@/lib/i18n/config";

interface Labels {
  teach: string;
  admin: string;
  signIn: string;
  signUp: string;
  signOut: string;
  signedInAs: string;
}

/** Sign in / create account, or who is signed in and a sign-out button. */
export function AccountMenu({ locale, labels }: { locale: Locale; labels: Labels }) {
  const { data, status } = useSession();
  if (status === "loading") return <span className="meta" aria-hidden="true">…</span>;
  if (data?.user) {
    const who = data.user.name || data.user.email || "";
    // Only which links to show: every page and API checks the role again on the server.
    const role = (data.user as { role?: string }).role;
    return (
      <span className="nav">
        {canTeach(role) && <Link href={`/${locale}/teach`}>{labels.teach}</Link>}
        {isAdmin(role) && <Link href={`/${locale}/admin`}>{labels.admin}</Link>}
        <span className="meta">{labels.signedInAs.replace("{name}", who)}</span>
        <button type="button" className="button secondary" onClick={() => signOut({ callbackUrl: `/${locale}` })}>
          {labels.signOut}
        </button>
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
