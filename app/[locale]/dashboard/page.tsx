import type { Metadata } from "next";
import Link from "next/link";
import { pageLocale } from "@/components/layout/locale";
import { AccuracyChart } from "@/components/dashboard/accuracy-chart";
import { getActor } from "@/lib/auth";
import { listLessons, questionsForLesson } from "@/lib/content";
import { db } from "@/lib/db";
import { getDictionary, isLocale } from "@/lib/i18n";
import { lessonStats, masteryFor, OPEN_BELOW } from "@/lib/progress";
import { loadMisconceptions } from "@/lib/content";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? { title: getDictionary(locale).dashboard.title } : {};
}

export default async function Dashboard({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, t } = await pageLocale(params);
  const actor = await getActor();
  const stats = actor ? await lessonStats(db, actor.userId) : new Map();
  const mastery = actor ? await masteryFor(db, actor.userId) : null;
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
  const status = (s: (typeof rows)[number]["s"]) => (s?.completed ? t.lessons.completed : s?.started ? t.lessons.started : t.lessons.notStarted);
  return (
    <>
      <h1>{t.dashboard.title}</h1>
      {actor?.kind !== "user" && (
        <p className="callout info">
          {t.dashboard.guestNote} <Link href={`/${locale}/signup`}>{t.nav.signUp}</Link>
        </p>
      )}
      <div className="stats">
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
    </>
  );
}
