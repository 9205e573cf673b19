import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { notFound } from "next/navigation";
import { pageLocale } from "@/components/layout/locale";
import { LessonBody } from "@/components/lesson/lesson-body";
import { LessonTracker } from "@/components/lesson/lesson-tracker";
import { getLesson, listLessons } from "@/lib/content";
import { format } from "@/lib/i18n";
import { lessonFromParams, lessonStaticParams } from "@/components/lesson/lesson-route";

/** Lessons are static: compiled once per locale at build time. */
export const dynamicParams = false;

export const generateStaticParams = lessonStaticParams;

export async function generateMetadata({ params }: { params: Promise<{ locale: string; slug: string }> }): Promise<Metadata> {
  const lesson = await lessonFromParams(params);
  return lesson ? { title: lesson.title, description: lesson.summary } : {};
}

export default async function LessonPage({ params }: { params: Promise<{ locale: string; slug: string }> }) {
  const { slug } = await params;
  const { locale, t } = await pageLocale(params);
  const lesson = await getLesson(slug, locale);
  if (!lesson) notFound();
  const all = listLessons(locale);
  const prerequisites = lesson.prerequisites.map((p) => all.find((l) => l.slug === p)).filter((l) => l !== undefined);
  return (
    <article className="prose">
      <p className="meta">
        <Link href={`/${locale}/lessons`}>← {t.lesson.backToLessons}</Link>
      </p>
      <header className="lesson-header">
        <h1>{lesson.title}</h1>
        <p className="lead">{lesson.summary}</p>
        <p className="meta">{format(t.lessons.minutes, { n: lesson.minutes })}</p>
        {prerequisites.length > 0 && (
          <p className="meta">
            {t.lesson.prerequisites}
            {prerequisites.map((p, i) => (
              <span key={p.slug}>
                {i > 0 && t.lesson.listSeparator}
                <Link href={`/${locale}/lessons/${p.slug}`}>{p.title}</Link>
              </span>
            ))}
          </p>
        )}
      </header>
      {lesson.toc.length > 0 && (
        <nav className="toc" aria-labelledby="toc">
          <h2 id="toc">{t.lesson.toc}</h2>
          <ol>
            {lesson.toc.map((e) => (
              <li key={e.id}>
                <a href={`#${e.id}`}>{e.text}</a>
              </li>
            ))}
          </ol>
        </nav>
      )}
      <section className="objectives" aria-labelledby="objectives">
        <h2 id="objectives">{t.lesson.objectives}</h2>
        <ul>
          {lesson.objectives.map((o) => (
            <li key={o}>{o}</li>
          ))}
        </ul>
      </section>
      <LessonBody code={lesson.code} lesson={slug} locale={locale} t={t} />
      <section aria-labelledby="sources">
        <h2 id="sources">{t.lesson.sources}</h2>
        <ul>
          {lesson.sources.map((s) => (
            <li key={s.url}>
              <a href={s.url}>{s.title}</a>
            </li>
          ))}
        </ul>
      </section>
      <LessonTracker lesson={slug} label={t.lesson.markedRead} />
    </article>
  );
}
