import type { Metadata } from "next";
import { pageLocale } from "@/components/layout/locale";
import { QuizClient } from "@/components/quiz/quiz-client";
import { listLessons, questionsForLesson } from "@/lib/content";
import { getDictionary, isLocale } from "@/lib/i18n";
import { QUESTION_TYPES, toPublicQuestion, type Question } from "@/lib/quiz";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? { title: getDictionary(locale).practice.title } : {};
}

const PAGE_SIZE = 20;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

/**
 * Practice across lessons: filter by lesson, difficulty and type (a plain GET form, so a filtered
 * set is a link). Grading and storage are the quiz's; a practice session starts fresh.
 */
export default async function PracticePage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { locale, t } = await pageLocale(params);
  const query = await searchParams;
  const lessons = listLessons(locale);
  const lesson = one(query.lesson);
  const difficulty = one(query.difficulty);
  const type = one(query.type);
  const all: Question[] = lessons.filter((l) => !lesson || l.slug === lesson).flatMap((l) => questionsForLesson(l.slug));
  const matching = all.filter((q) => (!difficulty || String(q.difficulty) === difficulty) && (!type || q.type === type));
  const shown = matching.slice(0, PAGE_SIZE).map((q) => toPublicQuestion(q, locale, t.terms, t.quiz.setupWords));
  const typeNames = t.practice.types as Record<string, string>;
  return (
    <>
      <h1>{t.practice.title}</h1>
      <p className="lead">{t.practice.lead}</p>
      <form className="practice-filters" method="get">
        <label>
          {t.practice.lesson}
          <select name="lesson" defaultValue={lesson}>
            <option value="">{t.practice.any}</option>
            {lessons.map((l) => (
              <option key={l.slug} value={l.slug}>
                {l.order}. {l.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.practice.difficulty}
          <select name="difficulty" defaultValue={difficulty}>
            <option value="">{t.practice.any}</option>
            {[1, 2, 3].map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.practice.type}
          <select name="type" defaultValue={type}>
            <option value="">{t.practice.any}</option>
            {QUESTION_TYPES.map((k) => (
              <option key={k} value={k}>
                {typeNames[k] ?? k}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button">
          {t.practice.show}
        </button>
      </form>
      <p className="meta">{t.practice.found.replace("{n}", String(matching.length)).replace("{shown}", String(shown.length))}</p>
      {shown.length === 0 ? (
        <p>{t.practice.none}</p>
      ) : (
        <QuizClient key={`${lesson}|${difficulty}|${type}`} lesson={null} locale={locale} questions={shown} labels={t.quiz} terms={t.terms} title={t.practice.questions} />
      )}
    </>
  );
}
