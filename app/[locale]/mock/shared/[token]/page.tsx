import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { pageLocale } from "@/components/layout/locale";
import { MockReportView } from "@/components/mock/mock-report";
import { listLessons, loadMisconceptions } from "@/lib/content";
import { db } from "@/lib/db";
import { getDictionary, isLocale } from "@/lib/i18n";
import { sharedReport } from "@/lib/mock";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? { title: getDictionary(locale).mock.sharedTitle, robots: { index: false } } : {};
}

/** A report its owner chose to share: read-only, without the owner's name or other interviews. */
export default async function SharedReportPage({ params }: { params: Promise<{ locale: string; token: string }> }) {
  const { locale, t } = await pageLocale(params);
  const { token } = await params;
  const report = await sharedReport(db, token, locale, t.terms, t.quiz.setupWords);
  if (!report) notFound();
  const misconceptions = new Map([...loadMisconceptions()].map(([k, m]) => [k, m.belief[locale]]));
  return (
    <>
      <h1>{t.mock.sharedTitle}</h1>
      <MockReportView report={report} locale={locale} t={t} owner={false} lessonTitles={new Map(listLessons(locale).map((l) => [l.slug, l.title]))} misconceptions={misconceptions} />
    </>
  );
}
