"use client";
import type { Dictionary } from "@/lib/i18n";
import type { PublicQuestion } from "@/lib/quiz/public";

type Labels = Dictionary["quiz"];

/** What the server returns once a question is answered (lib/progress gradedBody). */
export interface Graded {
  correct: boolean;
  score: number;
  certainty: number | null;
  answer: unknown;
  explanation: string;
  source: string;
  parts?: { id: string; correct: boolean; given?: string; expected?: string }[];
  audit?: Record<string, number | null>;
  problems?: string[];
  model?: string;
  concepts?: { id: string; text: string }[];
  lab?: string;
}

/** The verdict and the feedback for one answered question, by type. */
export function QuestionResult({ q, g, labels }: { q: PublicQuestion; g: Graded; labels: Labels }) {
  const optionText = (ids: string[]) => ids.map((id) => q.options.find((o) => o.id === id)?.text ?? id).join("; ");
  const bucketText = (partId: string, id?: string) => q.parts?.find((p) => p.id === partId)?.buckets.find((b) => b.id === id)?.text ?? id ?? "—";
  const verdict = g.correct ? labels.correct : g.score > 0 ? labels.partial : labels.incorrect;
  let answer: string | null = null;
  if (q.type === "true-false") answer = g.answer ? labels.true : labels.false;
  else if (q.type === "single" || q.type === "multiple") answer = optionText(g.answer as string[]);
  else if (q.type === "numeric") answer = `${String(g.answer)}${q.unit ? ` ${q.unit}` : ""}`;
  return (
    <>
      <p>
        <span className={`badge ${g.correct ? "ok" : g.score > 0 ? "warn" : "bad"}`}>
          <span aria-hidden="true">{g.correct ? "✓ " : g.score > 0 ? "◐ " : "✗ "}</span>
          {verdict}
        </span>{" "}
        {answer !== null && labels.answerWas.replace("{answer}", answer)}
        {g.certainty !== null && <span className="meta"> · {labels.certainty.replace("{mark}", g.certainty.toFixed(2))}</span>}
      </p>
      {q.type === "order" && Array.isArray(g.answer) && (
        <div>
          <strong>{labels.correctOrder}</strong>
          <ol>
            {(g.answer as string[]).map((id) => (
              <li key={id}>{q.options.find((o) => o.id === id)?.text ?? id}</li>
            ))}
          </ol>
        </div>
      )}
      {q.type === "sim-predict" && g.parts && (
        <ul className="quiz-feedback">
          {g.parts.map((p) => (
            <li key={p.id} className={p.correct ? "ok" : "bad"}>
              <span aria-hidden="true">{p.correct ? "✓ " : "✗ "}</span>
              {q.parts?.find((x) => x.id === p.id)?.ask} — {labels.yourPrediction.replace("{given}", bucketText(p.id, p.given)).replace("{expected}", bucketText(p.id, p.expected))}
            </li>
          ))}
        </ul>
      )}
      {q.type === "config-fix" &&
        g.problems &&
        (g.problems.length > 0 ? (
          <div>
            <strong>{labels.goalProblems}</strong>
            <ul className="quiz-feedback">
              {g.problems.map((p) => (
                <li key={p} className="bad">
                  {p}
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <p className="ok-text">{labels.goalMet}</p>
        ))}
      {g.audit && (
        <p className="meta">
          {Object.entries(g.audit).reduce((s, [k, v]) => s.replace(`{${k}}`, v === null ? labels.nobody : String(v)), labels.runAudit)}
        </p>
      )}
      {q.type === "explain" && g.parts && g.concepts && (
        <div>
          <strong>{labels.concepts.replace("{covered}", String(g.parts.filter((p) => p.correct).length)).replace("{total}", String(g.parts.length))}</strong>
          <ul className="quiz-feedback">
            {g.concepts.map((c) => {
              const ok = g.parts!.find((p) => p.id === c.id)?.correct ?? false;
              return (
                <li key={c.id} className={ok ? "ok" : "bad"}>
                  <span aria-hidden="true">{ok ? "✓ " : "✗ "}</span>
                  <span className="visually-hidden">{ok ? labels.covered : labels.missing}: </span>
                  {c.text}
                </li>
              );
            })}
          </ul>
          {g.model && (
            <p>
              <strong>{labels.model}</strong> {g.model}
            </p>
          )}
        </div>
      )}
      <p>
        <strong>{labels.explanation}</strong> {g.explanation}
      </p>
      {g.lab && (
        <p>
          <a href={g.lab}>{labels.openLab}</a>
        </p>
      )}
      <p className="meta">{labels.source.replace("{source}", g.source)}</p>
    </>
  );
}
