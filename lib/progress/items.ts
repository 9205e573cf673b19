import "server-only";
import type { PrismaClient } from "@/lib/db";

/**
 * Item statistics from stored first attempts, for the instructor pages:
 * - facility: the mean first-attempt score (share answered right; partial credit counts);
 * - discrimination: facility in the upper group minus facility in the lower group, the groups
 *   being the top and bottom 27 % of learners ranked by their mean first-attempt score over the
 *   questions given. A question the strong learners miss more often than the weak ones
 *   (negative discrimination) usually has a wrong key or a misleading prompt.
 * Only first attempts count: retries after seeing the explanation say nothing about the item.
 */
export interface ItemStatistics {
  questionId: string;
  attempts: number;
  facility: number | null;
  discrimination: number | null;
}

export const GROUP_SHARE = 0.27;

export function computeItemStatistics(firsts: { userId: string; questionId: string; score: number }[], questionIds: string[]): ItemStatistics[] {
  const byUser = new Map<string, Map<string, number>>();
  for (const a of firsts) {
    if (!questionIds.includes(a.questionId)) continue;
    const m = byUser.get(a.userId) ?? new Map<string, number>();
    m.set(a.questionId, a.score);
    byUser.set(a.userId, m);
  }
  const ranked = [...byUser.entries()].map(([userId, scores]) => ({ userId, mean: [...scores.values()].reduce((s, x) => s + x, 0) / scores.size })).sort((a, b) => b.mean - a.mean || a.userId.localeCompare(b.userId));
  const groupSize = Math.floor(ranked.length * GROUP_SHARE);
  const upper = new Set(ranked.slice(0, groupSize).map((r) => r.userId));
  const lower = new Set(ranked.slice(ranked.length - groupSize).map((r) => r.userId));
  const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null);
  return questionIds.map((questionId) => {
    const scores = [...byUser.entries()].filter(([, m]) => m.has(questionId)).map(([userId, m]) => ({ userId, score: m.get(questionId)! }));
    const up = mean(scores.filter((s) => upper.has(s.userId)).map((s) => s.score));
    const low = mean(scores.filter((s) => lower.has(s.userId)).map((s) => s.score));
    return { questionId, attempts: scores.length, facility: mean(scores.map((s) => s.score)), discrimination: groupSize > 0 && up !== null && low !== null ? up - low : null };
  });
}

/** Statistics for these questions over every learner's first attempts (optionally only some learners, e.g. a class). */
export async function itemStatistics(db: PrismaClient, questionIds: string[], userIds?: string[]): Promise<ItemStatistics[]> {
  const rows = await db.questionAttempt.findMany({
    where: { questionId: { in: questionIds }, ...(userIds ? { userId: { in: userIds } } : {}) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { userId: true, questionId: true, score: true },
  });
  const seen = new Set<string>();
  const firsts = rows.filter((r) => {
    const key = `${r.userId}\u0000${r.questionId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return computeItemStatistics(firsts, questionIds);
}
