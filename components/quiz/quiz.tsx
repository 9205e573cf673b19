import { NearViewport } from "@/components/ui/near-viewport";
import { questionsForLesson } from "@/lib/content";
import type { Dictionary, Locale } from "@/lib/i18n";
import { toPublicQuestion } from "@/lib/quiz";
import { QuizClient } from "./quiz-client";

/**
 * Server side of a lesson's quiz: hands the browser the questions without answers,
 * explanations or sources (the answer-leak rule); grading happens at /api/quiz/answer.
 * At the end of a lesson (`lazy`) the questions are built only when the reader comes near them:
 * they are most of the page's elements, and hydrating them while the page loads kept a phone
 * busy for a third of a second.
 */
export function Quiz({ lesson, locale, t, lazy = false }: { lesson: string; locale: Locale; t: Dictionary; lazy?: boolean }) {
  const questions = questionsForLesson(lesson).map((q) => toPublicQuestion(q, locale, t.terms, t.quiz.setupWords));
  if (questions.length === 0) return null;
  const quiz = <QuizClient lesson={lesson} locale={locale} questions={questions} labels={t.quiz} terms={t.terms} />;
  if (!lazy) return quiz;
  return (
    <NearViewport
      className="quiz-slot"
      placeholder={
        <section className="quiz quiz-placeholder" aria-labelledby="quiz-title">
          <h2 id="quiz-title">{t.quiz.title}</h2>
          <button type="button" className="button secondary">
            {t.quiz.showQuestions.replace("{n}", String(questions.length))}
          </button>
        </section>
      }
    >
      {quiz}
    </NearViewport>
  );
}
