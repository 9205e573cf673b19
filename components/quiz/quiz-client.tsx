"use client";
import { useEffect, useRef, useState } from "react";
import { AttemptIds, postWithResend } from "@/components/ui/resend";
import type { Dictionary } from "@/lib/i18n";
import type { PublicQuestion } from "@/lib/quiz/public";
import { QuestionInput, responseOf, selectionOf, type Selection } from "./question-input";
import { QuestionResult, type Graded } from "./question-result";

type Labels = Dictionary["quiz"];
type Confidence = "low" | "medium" | "high";

/** The quiz in the browser: it only ever learns a key or an explanation by answering. */
export function QuizClient({
  lesson,
  locale,
  questions,
  labels,
  terms,
  title = labels.title,
}: {
  /** The lesson whose earlier answers are shown again; null in practice (every session starts fresh). */
  lesson: string | null;
  locale: string;
  questions: PublicQuestion[];
  labels: Labels;
  terms: Record<string, string>;
  title?: string;
}) {
  const [oneAtATime, setOneAtATime] = useState(false);
  const [current, setCurrent] = useState(0);
  const [selection, setSelection] = useState<Record<string, Selection>>({});
  const [graded, setGraded] = useState<Record<string, Graded>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [confidence, setConfidence] = useState<Record<string, Confidence>>({});
  // When each question was first touched (time taken), and one attempt id per answer: a resend
  // after a lost response reuses it, a changed answer or "Try again" gets a new one.
  const attempts = useRef(new Map<string, { startedAt: number }>());
  const attemptIds = useRef(new AttemptIds());
  const attemptOf = (id: string) => {
    let a = attempts.current.get(id);
    if (!a) attempts.current.set(id, (a = { startedAt: Date.now() }));
    return a;
  };
  // Keyboard and screen-reader users keep their place: focus goes to the verdict after
  // answering, and back to the first option after "Try again".
  const [focusTarget, setFocusTarget] = useState<{ id: string; where: "result" | "input" } | null>(null);
  const forms = useRef(new Map<string, HTMLFormElement>());
  useEffect(() => {
    if (!focusTarget) return;
    const form = forms.current.get(focusTarget.id);
    const el = form?.querySelector<HTMLElement>(focusTarget.where === "result" ? ".quiz-result" : "input, select, textarea, button");
    el?.focus();
    setFocusTarget(null);
  }, [focusTarget, graded]);

  useEffect(() => {
    if (!lesson) return;
    let live = true;
    fetch(`/api/quiz/state?lesson=${encodeURIComponent(lesson)}&locale=${locale}`)
      .then((r) => (r.ok ? r.json() : { answers: [] }))
      .then((data: { answers: (Graded & { questionId: string; response: unknown; confidence: Confidence | null })[] }) => {
        if (!live) return;
        setGraded(Object.fromEntries(data.answers.map((a) => [a.questionId, a])));
        setSelection(Object.fromEntries(data.answers.map((a) => [a.questionId, selectionOf(a.response)])));
        setConfidence(Object.fromEntries(data.answers.filter((a) => a.confidence).map((a) => [a.questionId, a.confidence!])));
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [lesson, locale]);

  async function submit(q: PublicQuestion) {
    const response = responseOf(q, selection[q.id] ?? {});
    if (!response) return setErrors((e) => ({ ...e, [q.id]: labels.needAnswer }));
    setBusy(q.id);
    setErrors((e) => ({ ...e, [q.id]: "" }));
    try {
      const attempt = attemptOf(q.id);
      const answer = { questionId: q.id, response, ...(confidence[q.id] ? { confidence: confidence[q.id] } : {}), ...(q.variant ? { variant: q.variant } : {}) };
      const body = { ...answer, locale, clientAttemptId: attemptIds.current.idFor(q.id, answer), timeTakenMs: Date.now() - attempt.startedAt };
      const res = await postWithResend("/api/quiz/answer", body);
      const result = await res.json();
      if (!res.ok) throw new Error(result.error ?? res.statusText);
      setGraded((g) => ({ ...g, [q.id]: result }));
      setFocusTarget({ id: q.id, where: "result" });
    } catch (err) {
      setErrors((e) => ({ ...e, [q.id]: labels.error.replace("{message}", (err as Error).message) }));
    } finally {
      setBusy(null);
    }
  }

  const correctCount = questions.filter((q) => graded[q.id]?.correct).length;

  return (
    <section className="quiz" aria-labelledby="quiz-title">
      <h2 id="quiz-title">{title}</h2>
      <p className="meta" aria-live="polite">
        {labels.score.replace("{correct}", String(correctCount)).replace("{total}", String(questions.length))}
      </p>
      <label className="meta quiz-mode">
        <input type="checkbox" checked={oneAtATime} onChange={(e) => setOneAtATime(e.target.checked)} /> {labels.oneAtATime}
      </label>
      {oneAtATime && (
        <nav className="quiz-pager" aria-label={labels.pager}>
          <button type="button" className="button secondary small" onClick={() => setCurrent((c) => Math.max(0, c - 1))} disabled={current === 0}>
            ← {labels.previous}
          </button>
          <span className="meta" aria-live="polite">
            {labels.questionOf.replace("{n}", String(Math.min(current, questions.length - 1) + 1)).replace("{total}", String(questions.length))}
          </span>
          <button type="button" className="button secondary small" onClick={() => setCurrent((c) => Math.min(questions.length - 1, c + 1))} disabled={current >= questions.length - 1}>
            {labels.next} →
          </button>
        </nav>
      )}
      {questions.map((q, index) => {
        if (oneAtATime && index !== Math.min(current, questions.length - 1)) return null;
        const g = graded[q.id];
        const sel = selection[q.id] ?? {};
        const set = (s: Selection) => setSelection((all) => ({ ...all, [q.id]: s }));
        const name = `q-${q.id}`;
        return (
          <form
            key={q.id}
            ref={(el) => {
              if (el) forms.current.set(q.id, el);
              else forms.current.delete(q.id);
            }}
            className="card quiz-question"
            onSubmit={(e) => {
              e.preventDefault();
              void submit(q);
            }}
            data-question={q.id}
          >
            <fieldset disabled={Boolean(g) || busy === q.id}>
              <legend>
                <strong>{index + 1}.</strong> {q.prompt}
              </legend>
              <p className="meta">
                {labels.difficulty.replace("{n}", String(q.difficulty))} · {help(q, labels)}
              </p>
              {q.setup && (
                <div className="quiz-setup">
                  <p>
                    <strong>{labels.setup}</strong>
                  </p>
                  <p className="meta">
                    {labels.setupConfig}: {q.setup.config.join(" · ")}
                  </p>
                  <p className="meta">
                    {labels.setupFaults}: {q.setup.faults.join(" · ")}
                  </p>
                  {q.goal && <p>{labels.goal.replace("{goal}", q.goal)}</p>}
                  {q.seed !== undefined && <p className="meta" data-seed={q.seed}>{labels.variantRun.replace("{seed}", String(q.seed))}</p>}
                </div>
              )}
              <QuestionInput q={q} sel={sel} set={(s) => { attemptOf(q.id); set(s); }} graded={g} labels={labels} terms={terms} />
              <fieldset className="quiz-confidence">
                <legend>{labels.confidence}</legend>
                <span className="meta">{labels.confidenceHelp}</span>
                <span className="options inline">
                  {(["low", "medium", "high"] as const).map((c) => (
                    <label key={c} className="option">
                      <input type="radio" name={`${name}-confidence`} checked={confidence[q.id] === c} onChange={() => setConfidence((all) => ({ ...all, [q.id]: c }))} />
                      <span className="option-text">{labels.confidenceLevels[c]}</span>
                    </label>
                  ))}
                </span>
              </fieldset>
            </fieldset>
            {!g && (
              <button type="submit" className="button" disabled={busy === q.id}>
                {busy === q.id ? labels.checking : labels.submit}
              </button>
            )}
            {errors[q.id] && (
              <p className="alert" role="alert">
                {errors[q.id]}
              </p>
            )}
            {g && (
              <div className="quiz-result" role="status" tabIndex={-1}>
                <QuestionResult q={q} g={g} labels={labels} />
                <button
                  type="button"
                  className="button secondary"
                  onClick={() => {
                    setGraded(({ [q.id]: _removed, ...rest }) => rest);
                    attempts.current.delete(q.id);
                    attemptIds.current.forget(q.id);
                    set({});
                    setFocusTarget({ id: q.id, where: "input" });
                  }}
                >
                  {labels.tryAgain}
                </button>
                <p className="meta">{labels.retryNote}</p>
              </div>
            )}
          </form>
        );
      })}
    </section>
  );
}

function help(q: PublicQuestion, labels: Labels): string {
  switch (q.type) {
    case "multiple":
      return labels.selectMany;
    case "order":
      return labels.orderHelp;
    case "sim-predict":
      return labels.predictHelp;
    case "config-fix":
      return labels.knobsHelp;
    case "explain":
      return labels.explainHelp;
    default:
      return labels.selectOne;
  }
}
