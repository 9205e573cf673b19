"use client";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { useEffect, useState } from "react";
import type { Locale } from "@/lib/i18n/config";
import { canTeach, isAdmin } from "@/lib/roles/rules";
import { signOutTo } from "./sign-out";

interface Labels {
  teach: string;
  admin: string;
  signIn: string;
  signUp: string;
  signOut: string;
  signedInAs: string;
}

type Session = { user?: { name?: string | null; email?: string | null; role?: string } } | null;

/**
 * Sign in / create account, or who is signed in and a sign-out button. It asks next-auth's
 * session endpoint from the browser, so the pages around it stay prerendered (a lesson is served
 * as a static file), and it needs no next-auth client code. The role only decides which links to
 * show: every page and API checks it again on the server.
 */
export function AccountMenu({ locale, labels }: { locale: Locale; labels: Labels }) {
  const [session, setSession] = useState<Session | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let live = true;
    fetch("/api/auth/session", { credentials: "same-origin" })
      .then((res) => (res.ok ? (res.json() as Promise<Session>) : null))
      .catch(() => null)
      .then((s) => live && setSession(s && s.user ? s : null));
    return () => {
      live = false;
    };
  }, []);
  if (session === undefined) return <span className="meta" aria-hidden="true">…</span>;
  const user = session?.user;
  if (user) {
    const who = user.name || user.email || "";
    return (
      <span className="nav">
        {canTeach(user.role) && <Link href={`/${locale}/teach`}>{labels.teach}</Link>}
        {isAdmin(user.role) && <Link href={`/${locale}/admin`}>{labels.admin}</Link>}
        <span className="meta">{labels.signedInAs.replace("{name}", who)}</span>
        <button
          type="button"
          className="button secondary"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            // On a network failure the button comes back so the learner can try again.
            signOutTo(`/${locale}`).catch(() => setBusy(false));
          }}
        >
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
