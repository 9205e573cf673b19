import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { pageLocale } from "@/components/layout/locale";
import { JoinClassButton } from "@/components/teach/class-forms";
import { getActor } from "@/lib/auth";
import { classByCode } from "@/lib/classes";
import { db } from "@/lib/db";
import { getDictionary, isLocale } from "@/lib/i18n";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? { title: getDictionary(locale).classes.joinTitle } : {};
}

/** The invite link's page: a signed-in learner joins the class with one button. */
export default async function JoinClassPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale, t } = await pageLocale(params);
  const raw = (await searchParams).code;
  const code = typeof raw === "string" ? raw.slice(0, 12) : "";
  const actor = await getActor();
  const found = code ? await classByCode(db, code) : null;
  const c = t.classes;
  return (
    <div className="narrow">
      <h1>{c.joinTitle}</h1>
      <form method="get" className="inline-fields">
        <label>
          {c.code} <input className="text-input code-input" name="code" defaultValue={code} maxLength={12} required />
        </label>
        <button type="submit" className="button secondary">
          →
        </button>
      </form>
      {code && !found && (
        <p className="alert" role="alert">
          {c.noClass}
        </p>
      )}
      {found && actor?.kind !== "user" && (
        <p className="callout info">
          {c.signInFirst} <Link href={`/${locale}/signin`}>{t.nav.signIn}</Link> · <Link href={`/${locale}/signup`}>{t.nav.signUp}</Link>
        </p>
      )}
      {found && actor?.kind === "user" && <JoinClassButton code={found.joinCode} labels={c} locale={locale} text={c.joinAs.replace("{name}", found.name).replace("{who}", actor.name ?? actor.email ?? "")} />}
    </div>
  );
}
