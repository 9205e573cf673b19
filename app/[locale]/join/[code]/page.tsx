import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { pageLocale } from "@/components/layout/locale";
import { LearnerScreen } from "@/components/live/learner-screen";
import { db } from "@/lib/db";
import { getDictionary, isLocale } from "@/lib/i18n";
import { participantByToken } from "@/lib/live/db";
import { liveToken } from "@/lib/live/http";
import { normaliseCode } from "@/lib/live/state";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? { title: getDictionary(locale).live.joinTitle } : {};
}

/** A learner's screen in a live session; someone who has not joined is sent to the join form. */
export default async function LearnerPage({ params }: { params: Promise<{ locale: string; code: string }> }) {
  const { locale, t } = await pageLocale(params);
  const code = normaliseCode((await params).code);
  const p = await participantByToken(db, code, await liveToken(code));
  if (!p) redirect(`/${locale}/join?code=${encodeURIComponent(code)}`);
  return (
    <div className="narrow">
      <h1 className="visually-hidden">{t.live.joinTitle}</h1>
      <LearnerScreen code={code} locale={locale} labels={t.live} quizLabels={t.quiz} terms={t.terms} />
    </div>
  );
}
