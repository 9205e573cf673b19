import type { Metadata } from "next";
import { pageLocale } from "@/components/layout/locale";
import { LessonPath } from "@/components/lesson/lesson-path";
import { getActor } from "@/lib/auth";
import { listLessons, questionsForLesson } from "@/lib/content";
import { db } from "@/lib/db";
import { getDictionary, isLocale } from "@/lib/i18n";
import { lessonStats } from "@/lib/progress";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? { title: getDictionary(locale).lessons.title } : {};
}

export default async function Lessons({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, t } = await pageLocale(params);
  const lessons = listLessons(locale);
  const actor = await getActor();
  const stats = actor ? await lessonStats(db, actor.userId) : new Map();
  const counts = Object.fromEntries(lessons.map((l) => [l.slug, questionsForLesson(l.slug).length]));
  return (
    <>
      <h1>{t.lessons.title}</h1>
      <p className="lead">{t.lessons.lead}</p>
      <LessonPath lessons={lessons} stats={stats} questionCounts={counts} locale={locale} t={t} headingLevel={2} />
    </>
  );
}
