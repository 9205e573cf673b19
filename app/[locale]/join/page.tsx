import type { Metadata } from "next";
import { pageLocale } from "@/components/layout/locale";
import { JoinForm } from "@/components/live/join-form";
import { getActor } from "@/lib/auth";
import { getDictionary, isLocale } from "@/lib/i18n";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? { title: getDictionary(locale).live.joinTitle } : {};
}

/** Where learners join a live session: the code from the projector and a nickname. */
export default async function JoinPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale, t } = await pageLocale(params);
  const code = (await searchParams).code;
  const actor = await getActor();
  return (
    <div className="narrow">
      <h1>{t.live.joinTitle}</h1>
      <p className="lead">{t.live.joinLead}</p>
      <JoinForm locale={locale} labels={t.live} initialCode={typeof code === "string" ? code.slice(0, 12) : ""} initialName={actor?.kind === "user" ? (actor.name ?? "") : ""} />
    </div>
  );
}
