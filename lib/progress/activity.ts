/**
 * Activity over time (pure): answers per UTC day, the current and longest streak of days with
 * at least one answer, and the weeks a calendar heatmap draws.
 */
const DAY = 86_400_000;

export const dayKey = (d: Date) => d.toISOString().slice(0, 10);

export function activityByDay(times: Date[]): Map<string, number> {
  const days = new Map<string, number>();
  for (const t of times) days.set(dayKey(t), (days.get(dayKey(t)) ?? 0) + 1);
  return days;
}

/**
 * Days in a row with activity, ending today — or yesterday, so a streak is not lost before the
 * learner has had a chance to practise today.
 */
export function currentStreak(days: ReadonlyMap<string, number>, now: Date): number {
  let day = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  if (!days.has(dayKey(new Date(day)))) day -= DAY;
  let n = 0;
  while (days.has(dayKey(new Date(day)))) {
    n++;
    day -= DAY;
  }
  return n;
}

export function longestStreak(days: ReadonlyMap<string, number>): number {
  const sorted = [...days.keys()].sort().map((k) => Date.parse(`${k}T00:00:00Z`));
  let best = 0;
  let run = 0;
  for (const [i, t] of sorted.entries()) {
    run = i > 0 && t - sorted[i - 1]! === DAY ? run + 1 : 1;
    best = Math.max(best, run);
  }
  return best;
}

/** The last `weeks` weeks as columns of 7 days (Monday first), the last column holding today; future days are null. */
export function calendarWeeks(days: ReadonlyMap<string, number>, now: Date, weeks = 26): ({ date: string; count: number } | null)[][] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const weekday = (new Date(today).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const start = today - weekday * DAY - (weeks - 1) * 7 * DAY;
  return Array.from({ length: weeks }, (_, w) =>
    Array.from({ length: 7 }, (_, d) => {
      const t = start + (w * 7 + d) * DAY;
      if (t > today) return null;
      const date = dayKey(new Date(t));
      return { date, count: days.get(date) ?? 0 };
    }),
  );
}
