import { questionsForLesson } from "@/lib/content";
import type { Dictionary, Locale } from "@/lib/i18n";
import { toPublicQuestion } from "@/lib/quiz";
import { QuizClient } from "./quiz-client";

/**
 * Server side of a lesson's quiz: hands the browser the questions without answers,
 * explanations or sources (the answer-leak rule); grading happens at /api/quiz/answer.
 */
export function Quiz({ lesson, locale, t }: { lesson: string; locale: Locale; t: Dictionary }) {
  const questions = questionsForLesson(lesson).map((q) => toPublicQuestion(q, locale, t.terms, t.quiz.setupWords));
  if (questions.length === 0) return null;
  return <QuizClient lesson={lesson} locale={locale} questions={questions} labels={t.quiz} terms={t.terms} />;
}
