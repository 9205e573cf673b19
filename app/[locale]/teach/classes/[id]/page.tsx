import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { notFound } from "next/navigation";
import { pageLocale } from "@/components/layout/locale";
import { formatDate, mockSetupText, percent } from "@/components/mock/mock-history";
import { AddAssignment, RemoveAssignment } from "@/components/teach/class-forms";
import { requireInstructorPage } from "@/components/teach/guard";
import { classReport } from "@/lib/classes";
import { requestNow } from "@/lib/clock";
import { findQuestion, listLessons } from "@/lib/content";
import { db } from "@/lib/db";
import { getDictionary, isLocale } from "@/lib/i18n";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? { title: getDictionary(locale).classes.report } : {};
}

/** One class: invite link, assignments, members, and the class report. Its instructor only. */
export default async function ClassPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, t } = await pageLocale(params);
  const me = await requireInstructorPage(locale);
  const report = await classReport(db, me.userId, (await params).id, await requestNow());
  if (!report) notFound();
  const lessons = listLessons(locale);
  const title = (slug: string) => lessons.find((l) => l.slug === slug)?.title ?? slug;
  const c = t.classes;
  const target = (kind: string, value: string) => (kind === "mock" ? mockSetupText(value, t) : title(value));
  // Lessons in curriculum order.
  const byLesson = [...report.lessons].sort((a, b) => lessons.findIndex((l) => l.slug === a.lesson) - lessons.findIndex((l) => l.slug === b.lesson));
  return (
    <>
      <h1>{report.name}</h1>
      <p>
        <Link href={`/${locale}/teach`}>← {t.teach.title}</Link>
      </p>
      <section className="card" aria-labelledby="invite">
        <h2 id="invite">{c.invite}</h2>
        <p>
          <code data-class-code={report.code}>{`${process.env.NEXTAUTH_URL ?? ""}/${locale}/classes/join?code=${report.code}`}</code> · {c.code}: <strong className="live-code small">{report.code}</strong>
        </p>
        <p className="meta">{c.inviteHelp}</p>
      </section>
      <h2>{c.assignments}</h2>
      {report.assignments.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{c.kind}</th>
                <th scope="col">{c.target}</th>
                <th scope="col">{c.due}</th>
                <th scope="col">{c.doneBy}</th>
                <th scope="col">
                  <span className="visually-hidden">{c.remove}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {report.assignments.map((a) => (
                <tr key={a.id} data-assignment={a.kind}>
                  <td>{c.kinds[a.kind as "lesson"] ?? a.kind}</td>
                  <td>{target(a.kind, a.target)}</td>
                  <td>{formatDate(a.dueAt, locale)}</td>
                  <td>
                    {a.done} / {report.members.length}
                  </td>
                  <td>
                    <RemoveAssignment classId={report.id} id={a.id} labels={c} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <AddAssignment classId={report.id} labels={c} lessons={lessons.map((l) => ({ slug: l.slug, title: `${l.order}. ${l.title}` }))} />
      <h2>{c.members}</h2>
      {report.members.length === 0 ? (
        <p>{c.noMembers}</p>
      ) : (
        <ul>
          {report.members.map((m) => (
            <li key={m.id} data-member={m.name}>
              {m.name} · {c.doneBy}: {m.done}/{report.assignments.length}
            </li>
          ))}
        </ul>
      )}
      <h2>{c.masteryPerLesson}</h2>
      <figure className="chart" aria-label={c.masteryPerLesson}>
        <ul>
          {byLesson.map((l) => (
            <li key={l.lesson} data-class-mastery={l.lesson}>
              <span className="chart-label">{title(l.lesson)}</span>
              <span className="chart-track" role="img" aria-label={percent(l.mastery)}>
                <span className="chart-bar" style={{ width: percent(l.mastery) }} />
              </span>
              <span className="chart-value">{percent(l.mastery)}</span>
            </li>
          ))}
        </ul>
      </figure>
      <h2>{c.heldMisconceptions}</h2>
      {report.misconceptions.length === 0 ? (
        <p>{t.dashboard.noneOpen}</p>
      ) : (
        <ol>
          {report.misconceptions.map((m) => (
            <li key={m.tag}>
              {m.belief[locale]} · {c.learners.replace("{n}", String(m.learners))} — <Link href={`/${locale}/lessons/${m.lesson}`}>{title(m.lesson)}</Link>
            </li>
          ))}
        </ol>
      )}
      <h2>{c.items}</h2>
      <p className="meta">{c.itemsHelp}</p>
      {report.items.length === 0 ? (
        <p>{c.noAnswers}</p>
      ) : (
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{c.question}</th>
              <th scope="col">{c.attempts}</th>
              <th scope="col">{c.facility}</th>
              <th scope="col">{c.discrimination}</th>
              <th scope="col">{c.flag}</th>
            </tr>
          </thead>
          <tbody>
            {report.items.map((i) => (
              <tr key={i.questionId} data-item={i.questionId} data-flag={i.flag ?? ""}>
                <th scope="row">{findQuestion(i.questionId)?.question.prompt[locale] ?? i.questionId}</th>
                <td>{i.attempts}</td>
                <td>{percent(i.facility)}</td>
                <td>{i.discrimination === null ? "—" : i.discrimination.toFixed(2)}</td>
                <td>{i.flag ? <span className="badge warn">{c.flags[i.flag]}</span> : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      )}
    </>
  );
}
