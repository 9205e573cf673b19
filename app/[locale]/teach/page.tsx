import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { pageLocale } from "@/components/layout/locale";
import { formatDate } from "@/components/mock/mock-history";
import { requireInstructorPage } from "@/components/teach/guard";
import { NewSession } from "@/components/teach/new-session";
import { listLessons, questionsForLesson } from "@/lib/content";
import { db } from "@/lib/db";
import { getDictionary, isLocale } from "@/lib/i18n";
import { listHosted } from "@/lib/live/db";
import { listClasses } from "@/lib/classes";
import { CreateClass } from "@/components/teach/class-forms";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? { title: getDictionary(locale).teach.title } : {};
}

/** The instructor's home: their live sessions and a form to build a new one. Instructors only. */
export default async function TeachPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, t } = await pageLocale(params);
  const me = await requireInstructorPage(locale);
  const [sessions, classes] = await Promise.all([listHosted(db, me.userId), listClasses(db, me.userId)]);
  // Instructors see the bank's prompts (never keys) to choose from.
  const lessons = listLessons(locale).map((l) => ({ slug: l.slug, title: `${l.order}. ${l.title}`, questions: questionsForLesson(l.slug).map((q) => ({ id: q.id, prompt: q.prompt[locale], type: q.type })) }));
  return (
    <>
      <h1>{t.teach.title}</h1>
      <p className="lead">{t.teach.lead}</p>
      <h2>{t.classes.title}</h2>
      {classes.length === 0 ? (
        <p>{t.classes.none}</p>
      ) : (
        <ul>
          {classes.map((c) => (
            <li key={c.id}>
              <Link href={`/${locale}/teach/classes/${c.id}`}>{c.name}</Link> · <code>{c.code}</code> · {t.classes.members}: {c.members} · {t.classes.assignments}: {c.assignments}
            </li>
          ))}
        </ul>
      )}
      <CreateClass locale={locale} labels={t.classes} />
      <h2>{t.teach.sessions}</h2>
      {sessions.length === 0 ? (
        <p>{t.teach.none}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t.teach.sessionTitle}</th>
                <th scope="col">{t.teach.code}</th>
                <th scope="col">{t.teach.questions}</th>
                <th scope="col">{t.teach.joined}</th>
                <th scope="col">{t.teach.created}</th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    <Link href={`/${locale}/teach/live/${s.id}`}>{s.title}</Link> <span className="meta">({t.teach.phases[s.phase]})</span>
                  </th>
                  <td>
                    <code>{s.code}</code>
                  </td>
                  <td>{s.questions}</td>
                  <td>{s.participants}</td>
                  <td>{formatDate(s.createdAt, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <NewSession locale={locale} lessons={lessons} labels={t.teach} typeNames={t.practice.types as Record<string, string>} />
    </>
  );
}
