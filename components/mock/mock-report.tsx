import { IntentLink as Link } from "@/components/ui/intent-link";
import { QuestionResult } from "@/components/quiz/question-result";
import type { Dictionary, Locale } from "@/lib/i18n";
import type { MockReport as Report, ReportItem } from "@/lib/mock/db";
import { formatDate, percent } from "./mock-history";
import { ShareControl } from "./share-control";

type AxisName = keyof Dictionary["mock"]["axes"];

/** A learner's response in words, for the report. */
function responseText(item: ReportItem, t: Dictionary): string {
  const r = item.response as Record<string, unknown> | null;
  const q = item.question;
  if (!r) return t.mock.skipped;
  const option = (id: unknown) => q.options.find((o) => o.id === id)?.text ?? String(id);
  if ("choice" in r) return option(r.choice);
  if ("choices" in r) return (r.choices as string[]).map(option).join("; ");
  if ("value" in r) return r.value ? t.quiz.true : t.quiz.false;
  if ("number" in r) return `${String(r.number)}${q.unit ? ` ${q.unit}` : ""}`;
  if ("order" in r) return (r.order as string[]).map(option).join(" → ");
  if ("predictions" in r)
    return Object.entries(r.predictions as Record<string, string>)
      .map(([part, bucket]) => {
        const p = q.parts?.find((x) => x.id === part);
        return `${p?.ask ?? part} ${p?.buckets.find((b) => b.id === bucket)?.text ?? bucket}`;
      })
      .join("; ");
  if ("settings" in r) {
    const entries = Object.entries(r.settings as Record<string, unknown>);
    return entries.length ? entries.map(([k, v]) => `${k}=${String(v)}`).join(", ") : t.quiz.current;
  }
  if ("text" in r) return String(r.text);
  return "";
}

/** For a skipped question, the right answer in words where the verdict alone would not show it. */
function skippedKey(item: ReportItem, t: Dictionary): string | null {
  const q = item.question;
  const answer = item.graded.answer;
  if (!item.skipped || answer === null || typeof answer !== "object") return null;
  if (q.type === "sim-predict")
    return Object.entries(answer as Record<string, string>)
      .map(([part, bucket]) => {
        const p = q.parts?.find((x) => x.id === part);
        return `${p?.ask ?? part} ${p?.buckets.find((b) => b.id === bucket)?.text ?? bucket}`;
      })
      .join("; ");
  if (q.type === "config-fix")
    return Object.entries(answer as Record<string, unknown>)
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(", ");
  if (q.type === "explain") return item.graded.model ?? null;
  return null;
}

/** Bars per axis (SVG); the table next to it carries the same numbers for screen readers and phones. */
function AxisChart({ report, t }: { report: Report; t: Dictionary }) {
  const rows = report.summary.axes;
  const h = 40;
  const width = 320;
  return (
    <svg className="axis-chart" viewBox={`0 0 ${width} ${rows.length * h}`} role="img" aria-label={`${t.mock.axisChart}: ${rows.map((a) => `${t.mock.axes[a.axis as AxisName]} ${a.score === null ? t.mock.notAsked : percent(a.score)}`).join(", ")}`}>
      {rows.map((a, i) => (
        <g key={a.axis} transform={`translate(0 ${i * h})`}>
          <text x="0" y="14" className="axis-label">
            {t.mock.axes[a.axis as AxisName]}
          </text>
          <text x={width} y="14" textAnchor="end" className="axis-value">
            {a.score === null ? t.mock.notAsked : percent(a.score)}
          </text>
          <rect x="0" y="20" width={width} height="12" rx="4" className="axis-track" />
          {a.score !== null && <rect x="0" y="20" width={Math.max(2, a.score * width)} height="12" rx="4" className={a.score >= 0.7 ? "axis-bar ok" : a.score >= 0.4 ? "axis-bar warn" : "axis-bar bad"} />}
        </g>
      ))}
    </svg>
  );
}

/** Overall score of each interview so far, this one last. */
function Trend({ report, t }: { report: Report; t: Dictionary }) {
  const points = [...report.history.map((h) => h.summary.overall), report.summary.overall].map((x) => x ?? 0);
  if (points.length < 2) return null;
  const w = 320;
  const h = 90;
  const x = (i: number) => 10 + (i * (w - 20)) / (points.length - 1);
  const y = (v: number) => h - 10 - v * (h - 20);
  return (
    <figure className="trend">
      <svg viewBox={`0 0 ${w} ${h}`} role="img" aria-label={`${t.mock.trend}: ${points.map((p) => percent(p)).join(", ")}`}>
        <line x1="10" x2={w - 10} y1={y(0)} y2={y(0)} className="trend-axis" />
        <polyline points={points.map((p, i) => `${x(i)},${y(p)}`).join(" ")} className="trend-line" />
        {points.map((p, i) => (
          <circle key={i} cx={x(i)} cy={y(p)} r={i === points.length - 1 ? 5 : 3.5} className={i === points.length - 1 ? "trend-dot current" : "trend-dot"} />
        ))}
      </svg>
      <figcaption className="meta">{t.mock.trend}</figcaption>
    </figure>
  );
}

const signed = (d: number | null | undefined) => (d === null || d === undefined ? "—" : `${d >= 0 ? "+" : "−"}${Math.abs(Math.round(d * 100))}`);

/** The end-of-interview report; `owner` adds the share control and the comparison with earlier mocks. */
export function MockReportView({ report, locale, t, owner, lessonTitles, misconceptions }: { report: Report; locale: Locale; t: Dictionary; owner: boolean; lessonTitles: Map<string, string>; misconceptions: Map<string, string> }) {
  const s = report.summary;
  const answered = s.answered + s.skipped;
  const wrongFirst = [...report.items].sort((a, b) => Number(a.graded.correct) - Number(b.graded.correct) || a.position - b.position);
  return (
    <>
      <p className="lead">
        {t.mock.reportLead
          .replace("{minutes}", String(report.minutes))
          .replace("{level}", t.mock.levels[report.level as "junior" | "senior"] ?? report.level)
          .replace("{focus}", t.mock.focuses[report.focus as "mixed"] ?? report.focus)
          .replace("{date}", formatDate(report.startedAt, locale))}{" "}
        <span data-reason={report.reason}>{t.mock.reasons[report.reason].replace("{answered}", String(answered)).replace("{planned}", String(s.planned))}</span>
      </p>
      <div className="stats">
        <div className="stat">
          <div className="value" data-stat="overall">
            {percent(s.overall)}
          </div>
          {t.mock.overall}
        </div>
        <div className="stat">
          <div className="value">
            {answered}/{s.planned}
          </div>
          {t.mock.asked}
        </div>
        {owner && report.change && (
          <div className="stat">
            <div className="value" data-stat="change">
              {signed(report.change.overall)}
            </div>
            {t.mock.change}
          </div>
        )}
      </div>
      <h2>{t.mock.axisChart}</h2>
      <div className="axis-layout">
        <AxisChart report={report} t={t} />
        <div className="table-wrap">
          <table className="axis-table">
            <thead>
              <tr>
                <th scope="col">{t.mock.axis}</th>
                <th scope="col">{t.mock.asked}</th>
                <th scope="col">{t.mock.score}</th>
                {owner && report.change && <th scope="col">{t.mock.change}</th>}
              </tr>
            </thead>
            <tbody>
              {s.axes.map((a) => (
                <tr key={a.axis} data-axis={a.axis}>
                  <th scope="row">{t.mock.axes[a.axis as AxisName]}</th>
                  <td>{a.asked}</td>
                  <td>{a.score === null ? t.mock.notAsked : percent(a.score)}</td>
                  {owner && report.change && <td>{signed(report.change.axes[a.axis])}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      {owner && (report.history.length > 0 ? <Trend report={report} t={t} /> : <p className="meta">{t.mock.noPrevious}</p>)}
      <h2>{t.mock.studyPlan}</h2>
      {report.plan.lessons.length === 0 ? (
        <p>{t.mock.allGood}</p>
      ) : (
        <>
          <p>{t.mock.studyLessons}</p>
          <ol className="study-plan">
            {report.plan.lessons.map((slug) => (
              <li key={slug}>
                <Link href={`/${locale}/lessons/${slug}`}>{lessonTitles.get(slug) ?? slug}</Link>
              </li>
            ))}
          </ol>
          {report.plan.misconceptions.length > 0 && (
            <>
              <p>{t.mock.studyMisconceptions}</p>
              <ul>
                {report.plan.misconceptions.slice(0, 6).map((id) => (
                  <li key={id}>{misconceptions.get(id) ?? id}</li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      <h2>{t.mock.answers}</h2>
      <ol className="mock-answers">
        {wrongFirst.map((item) => (
          <li key={item.position} className="card" data-position={item.position} data-correct={item.graded.correct}>
            {item.lead && (
              <p className="mock-lead">
                <strong>{t.mock.interviewer}:</strong> <q>{item.lead}</q>
              </p>
            )}
            <h3 className="mock-prompt">
              {item.position + 1}. {item.question.prompt}
            </h3>
            <p className="meta">
              {t.mock.yourAnswer.replace("{answer}", responseText(item, t))}
              {item.timeTakenMs !== null && ` · ${t.mock.took.replace("{s}", String(Math.round(item.timeTakenMs / 1000)))}`}
            </p>
            {item.question.setup && (
              <p className="meta">
                {t.quiz.setupConfig}: {item.question.setup.config.join(" · ")} — {t.quiz.setupFaults}: {item.question.setup.faults.join(" · ")}
              </p>
            )}
            <QuestionResult q={item.question} g={item.graded} labels={t.quiz} />
            {skippedKey(item, t) && (
              <p>
                <strong>{item.question.type === "explain" ? t.quiz.model : t.mock.rightAnswer}</strong> {skippedKey(item, t)}
              </p>
            )}
          </li>
        ))}
      </ol>
      {owner && <ShareControl id={report.id} locale={locale} initial={report.shareToken} labels={t.mock} />}
      <p>
        <Link className="button" href={`/${locale}/mock`}>
          {t.mock.another}
        </Link>
      </p>
    </>
  );
}
