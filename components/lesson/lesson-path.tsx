import { IntentLink as Link } from "@/components/ui/intent-link";
import { format, type Dictionary, type Locale } from "@/lib/i18n";
import type { LessonSummary } from "@/lib/content";
import type { LessonStats } from "@/lib/progress";

/** The ordered list of lessons with each one's status for the current learner. */
export function LessonPath({ lessons, stats, questionCounts, locale, t, headingLevel }: { lessons: LessonSummary[]; stats: Map<string, LessonStats>; questionCounts: Record<string, number>; locale: Locale; t: Dictionary; headingLevel: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ol className="path">
      {lessons.map((lesson) => {
        const s = stats.get(lesson.slug);
        const status = s?.completed ? "completed" : s?.started ? "started" : "notStarted";
        const total = questionCounts[lesson.slug] ?? 0;
        return (
          <li key={lesson.slug}>
            <span className="num" aria-hidden="true">
              {String(lesson.order).padStart(2, "0")}
            </span>
            <div>
              <Heading className="path-title">
                <Link href={`/${locale}/lessons/${lesson.slug}`}>{lesson.title}</Link>
              </Heading>
              <p>{lesson.summary}</p>
              <p className="meta">
                {format(t.lessons.minutes, { n: lesson.minutes })} · {format(t.lessons.questions, { n: total })}
                {s && s.answered > 0 ? ` · ${format(t.lessons.score, { correct: s.correct, total })}` : ""}
              </p>
            </div>
            <span className={`badge ${status === "completed" ? "ok" : status === "started" ? "warn" : ""}`}>{t.lessons[status]}</span>
          </li>
        );
      })}
    </ol>
  );
}
