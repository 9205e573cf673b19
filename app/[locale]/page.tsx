import { IntentLink as Link } from "@/components/ui/intent-link";
import { pageLocale } from "@/components/layout/locale";
import { LessonPath } from "@/components/lesson/lesson-path";
import { getActor } from "@/lib/auth";
import { listLessons, questionsForLesson } from "@/lib/content";
import { db } from "@/lib/db";
import { format } from "@/lib/i18n";
import { lessonStats, type LessonStats } from "@/lib/progress";

export default async function Home({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, t } = await pageLocale(params);
  const lessons = listLessons(locale);
  const actor = await getActor();
  const stats: Map<string, LessonStats> = actor ? await lessonStats(db, actor.userId) : new Map();
  const counts = Object.fromEntries(lessons.map((l) => [l.slug, questionsForLesson(l.slug).length]));
  // Continue with the first lesson started but not completed, else the first not started.
  const next = lessons.find((l) => stats.get(l.slug)?.started && !stats.get(l.slug)?.completed) ?? lessons.find((l) => !stats.get(l.slug)?.started);
  const target = stats.size > 0 && next ? next : lessons[0];
  return (
    <>
      <h1>{t.home.title}</h1>
      <p className="lead">{t.home.lead}</p>
      {target && (
        <p>
          <Link className="button" href={`/${locale}/lessons/${target.slug}`}>
            {format(stats.size > 0 ? t.home.continue : t.home.start, { lesson: target.title })}
          </Link>
        </p>
      )}
      <h2>{t.home.pathTitle}</h2>
      <p className="meta">{t.home.pathLead}</p>
      <LessonPath lessons={lessons} stats={stats} questionCounts={counts} locale={locale} t={t} headingLevel={3} />
      <h2>{t.home.whyTitle}</h2>
      <ul className="cards">
        {(
          [
            [t.home.why1Title, t.home.why1],
            [t.home.why2Title, t.home.why2],
            [t.home.why3Title, t.home.why3],
          ] as const
        ).map(([title, body]) => (
          <li key={title} className="card">
            <h3>{title}</h3>
            <p>{body}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
