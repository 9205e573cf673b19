import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { pageLocale } from "@/components/layout/locale";
import { QuizClient } from "@/components/quiz/quiz-client";
import { getActor } from "@/lib/auth";
import { requestNow } from "@/lib/clock";
import { findQuestion } from "@/lib/content";
import { db } from "@/lib/db";
import { getDictionary, isLocale } from "@/lib/i18n";
import { dueReviews, nextDue } from "@/lib/progress";
import { toPublicQuestion, withVariant } from "@/lib/quiz";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? { title: getDictionary(locale).review.title } : {};
}

/**
 * Today's review: the questions whose FSRS card is due (lib/progress/review.ts). Answering one
 * reviews its card, so it leaves the list until its next due date.
 */
export default async function ReviewPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, t } = await pageLocale(params);
  const actor = await getActor();
  const now = await requestNow();
  const due = actor ? await dueReviews(db, actor.userId, now, 20) : [];
  const questions = due.flatMap((d) => {
    const found = findQuestion(d.questionId);
    // Each review shows a fresh variant (another seed, another option order): variant n = reviews so far.
    return found ? [toPublicQuestion(withVariant(found.question, d.reps), locale, t.terms, t.quiz.setupWords, d.reps)] : [];
  });
  const next = actor ? await nextDue(db, actor.userId, now) : null;
  return (
    <>
      <h1>{t.review.title}</h1>
      <p className="lead">{t.review.lead}</p>
      {questions.length === 0 ? (
        <p>
          {t.review.nothing}{" "}
          {next ? t.review.next.replace("{when}", next.toLocaleString(locale === "zh" ? "zh-CN" : "en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC") : <Link href={`/${locale}/lessons`}>{t.review.start}</Link>}
        </p>
      ) : (
        <QuizClient lesson={null} locale={locale} questions={questions} labels={t.quiz} terms={t.terms} title={t.review.due.replace("{n}", String(questions.length))} />
      )}
    </>
  );
}
