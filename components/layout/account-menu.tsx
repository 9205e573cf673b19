"use client";
import Link from "next/link";
import { signOut, useSession } from "next-auth/react";
import type { Locale } from "@/lib/i18n/config";

interface Labels {
  teach: string;
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
    const instructor = (data.user as { role?: string }).role === "instructor";
    return (
      <span className="nav">
        {instructor && <Link href={`/${locale}/teach`}>{labels.teach}</Link>}
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
