"use client";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import type { Dictionary } from "@/lib/i18n";
import { minutesToWait, parseRateLimited } from "@/lib/security/rate-limited";

/** "Too many attempts — try again in N minutes", in the page's language. */
function tooMany(t: Dictionary["auth"], retryAfterSeconds: number): string {
  const minutes = minutesToWait(retryAfterSeconds);
  return minutes === 1 ? t.tooManyAttemptsOne : t.tooManyAttempts.replace("{minutes}", String(minutes));
}

/** Sign-in and sign-up share one form; sign-up creates the account (keeping guest progress) then signs in. */
export function AuthForm({ mode, locale, t }: { mode: "signin" | "signup"; locale: string; t: Dictionary["auth"] }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const email = String(form.get("email") ?? "");
    const password = String(form.get("password") ?? "");
    setBusy(true);
    setError(null);
    try {
      if (mode === "signup") {
        const name = String(form.get("name") ?? "");
        const res = await fetch("/api/signup", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password, ...(name ? { name } : {}) }) });
        if (!res.ok) {
          const body = await res.json().catch(() => ({}));
          if (res.status === 429) {
            setError(tooMany(t, Number(res.headers.get("retry-after")) || Number(body.retryAfterSeconds) || 60));
            return;
          }
          const messages: Record<string, string> = { "email-taken": t.emailTaken, "invalid-email": t.invalidEmail, "weak-password": t.weakPassword, "invalid-name": t.invalidName };
          setError(messages[body.code] ?? t.failed);
          return;
        }
      }
      const result = await signIn("credentials", { email, password, redirect: false });
      const retryAfterSeconds = parseRateLimited(result?.error);
      if (retryAfterSeconds !== null) {
        setError(tooMany(t, retryAfterSeconds));
        return;
      }
      if (!result || result.error) {
        setError(t.invalidCredentials);
        return;
      }
      await fetch("/api/session/claim", { method: "POST" }).catch(() => {});
      // A full page load, so that everything rendered before (the header's account menu too) shows the account.
      window.location.assign(`/${locale}/dashboard`);
    } catch {
      setError(t.failed);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate={false}>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      {mode === "signup" && (
        <label>
          {t.name}
          <input name="name" autoComplete="nickname" maxLength={60} />
        </label>
      )}
      <label>
        {t.email}
        <input name="email" type="email" autoComplete="email" required maxLength={254} />
      </label>
      <div className="field">
        <label htmlFor={`${mode}-password`}>{t.password}</label>
        <input
          id={`${mode}-password`}
          name="password"
          type="password"
          autoComplete={mode === "signup" ? "new-password" : "current-password"}
          required
          minLength={mode === "signup" ? 10 : 1}
          maxLength={200}
          aria-describedby={mode === "signup" ? "password-hint" : undefined}
        />
        {mode === "signup" && (
          <span id="password-hint" className="hint">
            {t.passwordHint}
          </span>
        )}
      </div>
      <button type="submit" className="button" disabled={busy}>
        {busy ? t.working : mode === "signup" ? t.submitSignUp : t.submitSignIn}
      </button>
      <p className="meta">
        {mode === "signup" ? t.haveAccount : t.noAccount} <Link href={`/${locale}/${mode === "signup" ? "signin" : "signup"}`}>{mode === "signup" ? t.submitSignIn : t.submitSignUp}</Link>
      </p>
    </form>
  );
}
