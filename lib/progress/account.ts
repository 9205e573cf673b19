import "server-only";
import type { PrismaClient } from "@/lib/db";

/**
 * A learner's own data: everything stored about them as one JSON document, and deleting it all.
 * Rows hang off the user with cascading deletes, so deleting the user deletes the rest (live
 * participations are unlinked instead: see deleteAccount).
 */
export async function exportData(db: PrismaClient, userId: string, now: Date) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      createdAt: true,
      lessons: { orderBy: { startedAt: "asc" }, select: { lessonSlug: true, startedAt: true, readAt: true, completedAt: true } },
      attempts: { orderBy: { createdAt: "asc" }, select: { lessonSlug: true, questionId: true, response: true, correct: true, score: true, confidence: true, certainty: true, timeTakenMs: true, createdAt: true } },
      reviewCards: { orderBy: { due: "asc" }, select: { questionId: true, lessonSlug: true, due: true, card: true } },
      mocks: {
        orderBy: { startedAt: "asc" },
        select: {
          id: true,
          minutes: true,
          focus: true,
          level: true,
          startedAt: true,
          deadline: true,
          finishedAt: true,
          endReason: true,
          shareToken: true,
          answers: { orderBy: { position: "asc" }, select: { position: true, questionId: true, lessonSlug: true, response: true, skipped: true, correct: true, score: true, timeTakenMs: true, answeredAt: true } },
        },
      },
    },
  });
  if (!user) return null;
  // Live sessions joined while signed in, and classes joined: kept with the session or class, linked to the learner.
  const [live, classes] = await Promise.all([
    db.liveParticipant.findMany({
      where: { userId },
      orderBy: { joinedAt: "asc" },
      select: { nickname: true, joinedAt: true, session: { select: { title: true } }, answers: { orderBy: { itemIndex: "asc" }, select: { itemIndex: true, response: true, correct: true, score: true, timeTakenMs: true, createdAt: true } } },
    }),
    db.classMember.findMany({ where: { userId }, orderBy: { joinedAt: "asc" }, select: { joinedAt: true, class: { select: { name: true } } } }),
  ]);
  const parse = (s: string | null) => (s === null ? null : (JSON.parse(s) as unknown));
  return {
    exportedAt: now.toISOString(),
    format: "lossless-export/1",
    account: { id: user.id, email: user.email, name: user.name, role: user.role, createdAt: user.createdAt, guest: user.email === null },
    lessons: user.lessons,
    attempts: user.attempts.map((a) => ({ ...a, response: parse(a.response) })),
    reviewCards: user.reviewCards.map((c) => ({ ...c, card: parse(c.card) })),
    mockInterviews: user.mocks.map((m) => ({ ...m, answers: m.answers.map((a) => ({ ...a, response: parse(a.response) })) })),
    liveSessions: live.map((p) => ({ title: p.session.title, nickname: p.nickname, joinedAt: p.joinedAt, answers: p.answers.map((a) => ({ ...a, response: parse(a.response) })) })),
    classes: classes.map((c) => ({ name: c.class.name, joinedAt: c.joinedAt })),
  };
}

/**
 * Deletes the user and, by cascade, their progress, answers, review cards, interviews and class
 * memberships. A live session they joined keeps their nickname and answers for its host, no
 * longer linked to the account: otherwise a later answer from the same phone would try to count
 * toward a user that no longer exists (a foreign-key failure, answered with a 500).
 */
export async function deleteAccount(db: PrismaClient, userId: string): Promise<boolean> {
  const [, { count }] = await db.$transaction([db.liveParticipant.updateMany({ where: { userId }, data: { userId: null } }), db.user.deleteMany({ where: { id: userId } })]);
  return count === 1;
}
