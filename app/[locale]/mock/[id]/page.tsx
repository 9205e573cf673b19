import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { pageLocale } from "@/components/layout/locale";
import { MockClient } from "@/components/mock/mock-client";
import { MockReportView } from "@/components/mock/mock-report";
import { getActor } from "@/lib/auth";
import { requestNow } from "@/lib/clock";
import { listLessons, loadMisconceptions } from "@/lib/content";
import { db } from "@/lib/db";
import { getDictionary, isLocale } from "@/lib/i18n";
import { mockReport, mockState } from "@/lib/mock";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? { title: getDictionary(locale).mock.title } : {};
}

/** One interview: the running question with its countdown, or the report once it is over. Owner only. */
export default async function MockSessionPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, t } = await pageLocale(params);
  const { id } = await params;
  const actor = await getActor();
  const now = await requestNow();
  const state = actor ? await mockState(db, actor.userId, id, locale, now, t.terms, t.quiz.setupWords) : null;
  // Someone else's interview (or none) is a 404, like the API says; not-found.tsx beside this page explains.
  if (!state) notFound();
  if (state.status === "active")
    return (
      <>
        <h1>{t.mock.title}</h1>
        <MockClient key={state.position} initial={state} locale={locale} labels={t.mock} quizLabels={t.quiz} terms={t.terms} />
      </>
    );
  const report = (await mockReport(db, actor!.userId, id, locale, now, t.terms, t.quiz.setupWords))!;
  const misconceptions = new Map([...loadMisconceptions()].map(([k, m]) => [k, m.belief[locale]]));
  return (
    <>
      <h1>{t.mock.reportTitle}</h1>
      <MockReportView report={report} locale={locale} t={t} owner lessonTitles={new Map(listLessons(locale).map((l) => [l.slug, l.title]))} misconceptions={misconceptions} />
    </>
  );
}
