import "server-only";
import { createEmptyCard, fsrs, Rating, type Card, type Grade } from "ts-fsrs";
import type { PrismaClient } from "@/lib/db";

/**
 * Spaced review with FSRS (ts-fsrs): every question a learner answers becomes a card; each answer
 * is a review rated from its score and the learner's confidence, so wrong or unsure answers come
 * back sooner. `now` is a parameter everywhere (tests and the review page pass their clock).
 */
const scheduler = fsrs({ enable_fuzz: false });

/**
 * The review rating of one answer: wrong → Again; partly right, or right but guessed → Hard;
 * right and certain → Easy; otherwise Good.
 */
export function ratingOf(score: number, confidence: "low" | "medium" | "high" | undefined): Grade {
  if (score < 0.5) return Rating.Again;
  if (score < 1 || confidence === "low") return Rating.Hard;
  if (confidence === "high") return Rating.Easy;
  return Rating.Good;
}

function parse(json: string): Card {
  const c = JSON.parse(json) as Card & { due: string; last_review?: string };
  return { ...c, due: new Date(c.due), ...(c.last_review ? { last_review: new Date(c.last_review) } : {}) };
}

/** Records an answer as a review of the question's card (creating the card on the first answer). */
export async function reviewAnswer(db: PrismaClient, userId: string, lessonSlug: string, questionId: string, rating: Grade, now: Date): Promise<Date> {
  const existing = await db.reviewCard.findUnique({ where: { userId_questionId: { userId, questionId } } });
  const card = existing ? parse(existing.card) : createEmptyCard(now);
  const next = scheduler.next(card, now, rating).card;
  await db.reviewCard.upsert({
    where: { userId_questionId: { userId, questionId } },
    create: { userId, questionId, lessonSlug, due: next.due, card: JSON.stringify(next) },
    update: { due: next.due, card: JSON.stringify(next) },
  });
  return next.due;
}

/** The questions due for review at `now`, most overdue first, with how often each was reviewed (its next variant). */
export async function dueReviews(db: PrismaClient, userId: string, now: Date, limit = 50): Promise<{ questionId: string; lessonSlug: string; due: Date; reps: number }[]> {
  const cards = await db.reviewCard.findMany({ where: { userId, due: { lte: now } }, orderBy: [{ due: "asc" }, { questionId: "asc" }], take: limit, select: { questionId: true, lessonSlug: true, due: true, card: true } });
  return cards.map(({ card, ...c }) => ({ ...c, reps: parse(card).reps }));
}

export async function dueCount(db: PrismaClient, userId: string, now: Date): Promise<number> {
  return db.reviewCard.count({ where: { userId, due: { lte: now } } });
}

/** When the learner's next review falls due after `now`, or null if nothing is scheduled. */
export async function nextDue(db: PrismaClient, userId: string, now: Date): Promise<Date | null> {
  const card = await db.reviewCard.findFirst({ where: { userId, due: { gt: now } }, orderBy: { due: "asc" }, select: { due: true } });
  return card?.due ?? null;
}
