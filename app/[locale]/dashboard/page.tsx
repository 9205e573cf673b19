import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { pageLocale } from "@/components/layout/locale";
import { AccuracyChart } from "@/components/dashboard/accuracy-chart";
import { getActor } from "@/lib/auth";
import { requestNow } from "@/lib/clock";
import { listLessons, questionsForLesson } from "@/lib/content";
import { db } from "@/lib/db";
import { getDictionary, isLocale } from "@/lib/i18n";
import { activityByDay, calendarWeeks, currentStreak, dueCount, lessonStats, longestStreak, masteryFor, OPEN_BELOW } from "@/lib/progress";
import { loadMisconceptions } from "@/lib/content";
import { ActivityHeatmap } from "@/components/dashboard/activity-heatmap";
import { DeleteAccount } from "@/components/dashboard/delete-account";
import { MockHistory, formatDate, mockSetupText } from "@/components/mock/mock-history";
import { listMocks } from "@/lib/mock";
import { learnerAssignments } from "@/lib/classes";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? { title: getDictionary(locale).dashboard.title } : {};
}

export const dynamic = "force-dynamic";

/** Answers grouped into quizzes: one row per lesson per UTC day, newest first. */
function quizHistory(attempts: { lessonSlug: string; correct: boolean; createdAt: Date }[], limit = 8) {
  const groups = new Map<string, { lesson: string; day: string; last: Date; answered: number; correct: number }>();
  for (const a of attempts) {
    const day = a.createdAt.toISOString().slice(0, 10);
    const key = `${day} ${a.lessonSlug}`;
    const g = groups.get(key) ?? { lesson: a.lessonSlug, day, last: a.createdAt, answered: 0, correct: 0 };
    g.answered++;
    if (a.correct) g.correct++;
    if (a.createdAt > g.last) g.last = a.createdAt;
    groups.set(key, g);
  }
  return [...groups.values()].sort((a, b) => b.last.getTime() - a.last.getTime()).slice(0, limit);
}

export default async function Dashboard({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, t } = await pageLocale(params);
  const actor = await getActor();
  const stats = actor ? await lessonStats(db, actor.userId) : new Map();
  const now = await requestNow();
  const mastery = actor ? await masteryFor(db, actor.userId, now) : null;
  const attempts = actor ? await db.questionAttempt.findMany({ where: { userId: actor.userId }, select: { lessonSlug: true, correct: true, createdAt: true }, orderBy: { createdAt: "asc" } }) : [];
  const mocks = actor ? await listMocks(db, actor.userId, now) : [];
  const due = actor ? await dueCount(db, actor.userId, now) : 0;
  const assignments = actor?.kind === "user" ? await learnerAssignments(db, actor.userId) : [];
  const days = activityByDay(attempts.map((a) => a.createdAt));
  const streak = currentStreak(days, now);
  const misconceptions = loadMisconceptions();
  const open = mastery ? [...mastery.misconceptions].filter(([, m]) => m.mastery < OPEN_BELOW).sort((a, b) => a[1].mastery - b[1].mastery).slice(0, 8) : [];
  const percent = (x: number | undefined) => `${Math.round((x ?? 0) * 100)}%`;
  const lessons = listLessons(locale);
  const rows = lessons.map((l) => {
    const s = stats.get(l.slug);
    return { lesson: l, s, total: questionsForLesson(l.slug).length };
  });
  const all = [...stats.values()];
  // Accuracy is over first answers, like the lesson scores (retries are practice).
  const answered = all.reduce((n, s) => n + s.answered, 0);
  const correct = all.reduce((n, s) => n + s.correct, 0);
  // The next lesson: the first not completed, in curriculum order.
  const next = rows.find((r) => !r.s?.completed);
  const status = (s: (typeof rows)[number]["s"]) => (s?.completed ? t.lessons.completed : s?.started ? t.lessons.started : t.lessons.notStarted);
  return (
    <>
      <h1>{t.dashboard.title}</h1>
      {actor?.kind !== "user" && (
        <p className="callout info">
          {t.dashboard.guestNote} <Link href={`/${locale}/signup`}>{t.nav.signUp}</Link>
        </p>
      )}
      <section className="card" aria-labelledby="next-step">
        <h2 id="next-step">{t.dashboard.continueTitle}</h2>
        <p className="next-step">
          {next ? (
            <Link className="button" href={`/${locale}/lessons/${next.lesson.slug}`}>
              {(next.s?.started ? t.dashboard.continueLesson : t.dashboard.startLesson).replace("{lesson}", next.lesson.title)}
            </Link>
          ) : (
            <span>{t.dashboard.allLessonsDone}</span>
          )}
          {due > 0 ? (
            <Link className="button secondary" href={`/${locale}/review`} data-review-due={due}>
              {t.dashboard.reviewDue.replace("{n}", String(due))}
            </Link>
          ) : (
            <span className="meta">{t.dashboard.reviewNone}</span>
          )}
          <Link href={`/${locale}/mock`}>{t.dashboard.mockCta}</Link>
        </p>
      </section>
      {assignments.length > 0 && (
        <section aria-labelledby="assignments">
          <h2 id="assignments">{t.classes.yours}</h2>
          <ul className="quiz-history">
            {assignments.map((a) => {
              const lesson = lessons.find((l) => l.slug === a.target);
              const href = a.kind === "mock" ? `/${locale}/mock` : a.kind === "practice" ? `/${locale}/practice?lesson=${a.target}` : `/${locale}/lessons/${a.target}`;
              const late = !a.done && a.dueAt < now;
              return (
                <li key={a.id} data-assignment={a.kind} data-done={a.done}>
                  <span className={`badge ${a.done ? "ok" : late ? "bad" : "warn"}`}>{a.done ? t.classes.doneLabel : late ? t.classes.overdue : t.classes.openLabel}</span>{" "}
                  <Link href={href}>
                    {t.classes.kinds[a.kind as "lesson"]}: {a.kind === "mock" ? mockSetupText(a.target, t) : (lesson?.title ?? a.target)}
                  </Link>{" "}
                  · {a.className} · {t.classes.due} {formatDate(a.dueAt, locale)}
                </li>
              );
            })}
          </ul>
        </section>
      )}
      <div className="stats">
        <div className="stat">
          <div className="value" data-stat="streak">{streak}</div>
          {t.dashboard.streak}
          <div className="meta">{t.dashboard.longest.replace("{n}", String(longestStreak(days)))}</div>
        </div>
        <div className="stat">
          <div className="value" data-stat="due">{due}</div>
          {t.dashboard.dueToday}
        </div>
        <div className="stat">
          <div className="value" data-stat="started">{all.filter((s) => s.started).length}</div>
          {t.dashboard.lessonsStarted}
        </div>
        <div className="stat">
          <div className="value" data-stat="completed">{all.filter((s) => s.completed).length}</div>
          {t.dashboard.lessonsCompleted}
        </div>
        <div className="stat">
          <div className="value" data-stat="answered">{answered}</div>
          {t.dashboard.questionsAnswered}
        </div>
        <div className="stat">
          <div className="value" data-stat="accuracy">{answered ? `${Math.round((correct / answered) * 100)}%` : "—"}</div>
          {t.dashboard.accuracy}
        </div>
      </div>
      <h2>{t.dashboard.perLesson}</h2>
      {all.length === 0 ? (
        <p>
          {t.dashboard.nothingYet} <Link href={`/${locale}/lessons`}>{t.nav.lessons}</Link>
        </p>
      ) : (
        <AccuracyChart label={t.dashboard.chartLabel} rows={rows.filter((r) => r.s).map((r) => ({ title: r.lesson.title, correct: r.s!.correct, total: r.total }))} />
      )}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t.dashboard.lesson}</th>
              <th scope="col">{t.dashboard.status}</th>
              <th scope="col">{t.dashboard.answered}</th>
              <th scope="col">{t.dashboard.correct}</th>
              <th scope="col">{t.dashboard.mastery}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ lesson, s, total }) => (
              <tr key={lesson.slug} data-lesson={lesson.slug}>
                <th scope="row">
                  <Link href={`/${locale}/lessons/${lesson.slug}`}>{lesson.title}</Link>
                </th>
                <td>{status(s)}</td>
                <td>
                  {s?.answered ?? 0} / {total}
                </td>
                <td>{s?.correct ?? 0}</td>
                <td data-mastery={lesson.slug}>
                  <span className="mastery-bar" aria-hidden="true">
                    <span style={{ width: percent(mastery?.lessons.get(lesson.slug)) }} />
                  </span>{" "}
                  {percent(mastery?.lessons.get(lesson.slug))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="meta">{t.dashboard.masteryHelp}</p>
      <h2>{t.dashboard.openMisconceptions}</h2>
      <p className="meta">{t.dashboard.openHelp}</p>
      {open.length === 0 ? (
        <p>{t.dashboard.noneOpen}</p>
      ) : (
        <ul className="open-misconceptions">
          {open.map(([id, m]) => {
            const info = misconceptions.get(id);
            return (
              <li key={id} data-misconception={id}>
                {info ? info.belief[locale] : id} · {percent(m.mastery)}
                {info && (
                  <>
                    {" "}
                    — <Link href={`/${locale}/lessons/${info.lesson}`}>{lessons.find((l) => l.slug === info.lesson)?.title ?? info.lesson}</Link>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <h2>{t.dashboard.activity}</h2>
      <ActivityHeatmap weeks={calendarWeeks(days, now)} locale={locale} t={t.dashboard} />
      <h2>{t.dashboard.recentQuizzes}</h2>
      {attempts.length === 0 ? (
        <p>{t.dashboard.noQuizzes}</p>
      ) : (
        <ul className="quiz-history">
          {quizHistory(attempts).map((g) => (
            <li key={`${g.day}-${g.lesson}`}>
              <Link href={`/${locale}/lessons/${g.lesson}/quiz`}>{lessons.find((l) => l.slug === g.lesson)?.title ?? g.lesson}</Link> · {formatDate(g.last, locale)} ·{" "}
              {t.lessons.score.replace("{correct}", String(g.correct)).replace("{total}", String(g.answered))}
            </li>
          ))}
        </ul>
      )}
      <h2>{t.dashboard.mocks}</h2>
      <MockHistory rows={mocks} locale={locale} t={t} />
      {actor && (
        <section aria-labelledby="your-data">
          <h2 id="your-data">{t.dashboard.yourData}</h2>
          <p className="meta">{t.dashboard.yourDataHelp}</p>
          <p>
            <a className="button secondary" href="/api/account/export" download>
              {t.dashboard.export}
            </a>
          </p>
          <DeleteAccount locale={locale} labels={t.dashboard} />
        </section>
      )}
    </>
  );
}
