/**
 * Mastery from stored attempts, recency-weighted and confidence-aware (issue 8):
 * - an attempt's value is its certainty mark rescaled to [0, 1] when the learner gave a
 *   confidence ((mark + 2) / 3: a sure wrong answer counts 0, a sure right one 1, a guessed right
 *   one 0.44), else its score;
 * - a question's mastery is the mean of its attempts' values, each weighted by recency (half-life
 *   14 days), so a recent right answer outweighs an old wrong one and vice versa;
 * - a lesson's mastery is the sum over its questions divided by how many it has (unanswered
 *   questions count 0: mastery needs coverage);
 * - a misconception's mastery is the mean over the answered questions that test it; it is open
 *   while below OPEN_BELOW.
 * Pure: the caller passes the attempts, the questions and the clock.
 */
export const HALF_LIFE_MS = 14 * 24 * 3600 * 1000;
export const OPEN_BELOW = 0.6;

export interface AttemptForMastery {
  questionId: string;
  score: number;
  certainty: number | null;
  createdAt: Date;
}

export interface QuestionRef {
  id: string;
  lesson: string;
  tags: string[];
}

export interface Mastery {
  questions: Map<string, number>;
  lessons: Map<string, number>;
  misconceptions: Map<string, { mastery: number; questions: number }>;
}

export function computeMastery(attempts: AttemptForMastery[], questions: QuestionRef[], now: Date): Mastery {
  const sums = new Map<string, { weighted: number; weights: number }>();
  for (const a of attempts) {
    const value = a.certainty !== null ? (a.certainty + 2) / 3 : a.score;
    const weight = Math.pow(0.5, Math.max(0, now.getTime() - a.createdAt.getTime()) / HALF_LIFE_MS);
    const s = sums.get(a.questionId) ?? { weighted: 0, weights: 0 };
    s.weighted += weight * value;
    s.weights += weight;
    sums.set(a.questionId, s);
  }
  const perQuestion = new Map<string, number>();
  for (const [id, s] of sums) if (s.weights > 0) perQuestion.set(id, s.weighted / s.weights);
  const lessons = new Map<string, number>();
  const byLesson = new Map<string, QuestionRef[]>();
  for (const q of questions) byLesson.set(q.lesson, [...(byLesson.get(q.lesson) ?? []), q]);
  for (const [lesson, qs] of byLesson) lessons.set(lesson, qs.reduce((sum, q) => sum + (perQuestion.get(q.id) ?? 0), 0) / qs.length);
  const tagSums = new Map<string, { sum: number; n: number }>();
  for (const q of questions) {
    const m = perQuestion.get(q.id);
    if (m === undefined) continue;
    for (const tag of q.tags) {
      const s = tagSums.get(tag) ?? { sum: 0, n: 0 };
      s.sum += m;
      s.n++;
      tagSums.set(tag, s);
    }
  }
  const misconceptions = new Map([...tagSums].map(([tag, s]) => [tag, { mastery: s.sum / s.n, questions: s.n }]));
  return { questions: perQuestion, lessons, misconceptions };
}
