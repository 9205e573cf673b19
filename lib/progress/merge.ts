import "server-only";
import { questionsForLesson } from "@/lib/content";
import type { PrismaClient } from "@/lib/db";
import { refreshCompletion } from "./progress";

/**
 * Moves a guest's progress into an existing account after sign-in: attempts, review cards and mock interviews move over, lesson
 * progress keeps the earliest start and any read/completed mark, and the guest row is deleted.
 */
export async function mergeGuestInto(db: PrismaClient, guestId: string, userId: string): Promise<void> {
  if (guestId === userId) return;
  const lessons = new Set<string>();
  await db.$transaction(async (tx) => {
    const guest = await tx.user.findFirst({ where: { id: guestId, email: null } });
    if (!guest) return;
    await tx.questionAttempt.updateMany({ where: { userId: guestId }, data: { userId } });
    for (const a of await tx.questionAttempt.findMany({ where: { userId }, select: { lessonSlug: true }, distinct: ["lessonSlug"] })) lessons.add(a.lessonSlug);
    for (const p of await tx.lessonProgress.findMany({ where: { userId: guestId } })) {
      lessons.add(p.lessonSlug);
      const mine = await tx.lessonProgress.findUnique({ where: { userId_lessonSlug: { userId, lessonSlug: p.lessonSlug } } });
      if (!mine) await tx.lessonProgress.update({ where: { id: p.id }, data: { userId } });
      else
        await tx.lessonProgress.update({
          where: { id: mine.id },
          data: {
            startedAt: p.startedAt < mine.startedAt ? p.startedAt : mine.startedAt,
            readAt: mine.readAt ?? p.readAt,
            completedAt: mine.completedAt ?? p.completedAt,
          },
        });
    }
    // Review cards: the account's own card wins; the guest's move over where the account has none.
    for (const card of await tx.reviewCard.findMany({ where: { userId: guestId } })) {
      const mine = await tx.reviewCard.findUnique({ where: { userId_questionId: { userId, questionId: card.questionId } } });
      if (!mine) await tx.reviewCard.update({ where: { id: card.id }, data: { userId } });
    }
    // Mock interviews are the learner's whatever identity they used.
    await tx.mockSession.updateMany({ where: { userId: guestId }, data: { userId } });
    await tx.user.delete({ where: { id: guestId } });
  });
  // The merged answers may complete a lesson neither side had completed alone.
  for (const lesson of lessons) await refreshCompletion(db, userId, lesson, questionsForLesson(lesson).map((q) => q.id));
}
