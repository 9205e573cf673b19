import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { notFound } from "next/navigation";
import { pageLocale } from "@/components/layout/locale";
import { Quiz } from "@/components/quiz/quiz";
import { listLessons, questionsForLesson } from "@/lib/content";
import { format, getDictionary, isLocale } from "@/lib/i18n";
import { lessonFromParams, lessonStaticParams } from "@/components/lesson/lesson-route";

/** A lesson's quiz on its own page (the same quiz as at the end of the lesson). */
export const dynamicParams = false;

export const generateStaticParams = lessonStaticParams;

export async function generateMetadata({ params }: { params: Promise<{ locale: string; slug: string }> }): Promise<Metadata> {
  const [lesson, { locale }] = await Promise.all([lessonFromParams(params), params]);
  return lesson && isLocale(locale) ? { title: format(getDictionary(locale).practice.lessonQuiz, { lesson: lesson.title }) } : {};
}

export default async function LessonQuizPage({ params }: { params: Promise<{ locale: string; slug: string }> }) {
  const { slug } = await params;
  const { locale, t } = await pageLocale(params);
  const lesson = listLessons(locale).find((l) => l.slug === slug);
  if (!lesson) notFound();
  const count = questionsForLesson(slug).length;
  return (
    <article className="prose">
      <p className="meta">
        <Link href={`/${locale}/lessons/${slug}`}>← {lesson.title}</Link>
      </p>
      <h1>{format(t.practice.lessonQuiz, { lesson: lesson.title })}</h1>
      <p className="lead">{count > 0 ? format(t.lessons.questions, { n: count }) : t.practice.none}</p>
      <Quiz lesson={slug} locale={locale} t={t} />
    </article>
  );
}
