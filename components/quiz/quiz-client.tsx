"use client";
import { useEffect, useRef, useState } from "react";
import type { PublicQuestion } from "@/lib/quiz/schema";

type Labels = Record<"title" | "submit" | "correct" | "incorrect" | "partial" | "answerWas" | "explanation" | "source" | "selectOne" | "selectMany" | "true" | "false" | "score" | "tryAgain" | "retryNote" | "needAnswer" | "error" | "checking", string>;

interface Graded {
  correct: boolean;
  score: number;
  answer: string[] | boolean;
  explanation: string;
  source: string;
}

type Selection = { choice?: string; choices?: string[]; value?: boolean };

/** After grading, the right option(s) and a wrong pick are marked (colour and a ✓/✗ glyph). */
function optionClass(g: Graded | undefined, isAnswer: boolean, picked: boolean): string {
  if (!g) return "option";
  return `option${isAnswer ? " is-answer" : picked ? " is-wrong" : ""}`;
}

function responseOf(q: PublicQuestion, s: Selection) {
  if (q.type === "single") return s.choice ? { choice: s.choice } : null;
  if (q.type === "multiple") return s.choices?.length ? { choices: s.choices } : null;
  return typeof s.value === "boolean" ? { value: s.value } : null;
}

function selectionOf(response: unknown): Selection {
  return typeof response === "object" && response !== null ? (response as Selection) : {};
}

/** The quiz in the browser: it only ever learns a key or an explanation by answering. */
export function QuizClient({ lesson, locale, questions, labels }: { lesson: string; locale: string; questions: PublicQuestion[]; labels: Labels }) {
  const [selection, setSelection] = useState<Record<string, Selection>>({});
  const [graded, setGraded] = useState<Record<string, Graded>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  // Keyboard and screen-reader users keep their place: focus goes to the verdict after
  // answering, and back to the first option after "Try again".
  const [focusTarget, setFocusTarget] = useState<{ id: string; where: "result" | "input" } | null>(null);
  const forms = useRef(new Map<string, HTMLFormElement>());
  useEffect(() => {
    if (!focusTarget) return;
    const form = forms.current.get(focusTarget.id);
    const el = form?.querySelector<HTMLElement>(focusTarget.where === "result" ? ".quiz-result" : "input");
    el?.focus();
    setFocusTarget(null);
  }, [focusTarget, graded]);

  useEffect(() => {
    let live = true;
    fetch(`/api/quiz/state?lesson=${encodeURIComponent(lesson)}&locale=${locale}`)
      .then((r) => (r.ok ? r.json() : { answers: [] }))
      .then((data: { answers: (Graded & { questionId: string; response: unknown })[] }) => {
        if (!live) return;
        setGraded(Object.fromEntries(data.answers.map((a) => [a.questionId, a])));
        setSelection(Object.fromEntries(data.answers.map((a) => [a.questionId, selectionOf(a.response)])));
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
      const res = await fetch("/api/quiz/answer", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ questionId: q.id, response, locale }) });
      const body = await res.json();
      if (!res.ok) throw new Error(body.error ?? res.statusText);
      setGraded((g) => ({ ...g, [q.id]: body }));
      setFocusTarget({ id: q.id, where: "result" });
    } catch (err) {
      setErrors((e) => ({ ...e, [q.id]: labels.error.replace("{message}", (err as Error).message) }));
    } finally {
      setBusy(null);
    }
  }

  const correctCount = questions.filter((q) => graded[q.id]?.correct).length;
  const optionText = (q: PublicQuestion, ids: string[]) => ids.map((id) => q.options.find((o) => o.id === id)?.text ?? id).join("; ");

  return (
    <section className="quiz" aria-labelledby="quiz-title">
      <h2 id="quiz-title">{labels.title}</h2>
      <p className="meta" aria-live="polite">
        {labels.score.replace("{correct}", String(correctCount)).replace("{total}", String(questions.length))}
      </p>
      {questions.map((q, index) => {
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
              <p className="meta">{q.type === "multiple" ? labels.selectMany : labels.selectOne}</p>
              {q.type === "true-false" ? (
                <div className="options">
                  {([true, false] as const).map((v) => (
                    <label key={String(v)} className={optionClass(g, g?.answer === v, sel.value === v)}>
                      <input type="radio" name={name} checked={sel.value === v} onChange={() => set({ value: v })} />
                      <span className="option-text">{v ? labels.true : labels.false}</span>
                    </label>
                  ))}
                </div>
              ) : (
                <div className="options">
                  {q.options.map((o) => (
                    <label
                      key={o.id}
                      className={optionClass(g, Array.isArray(g?.answer) && g.answer.includes(o.id), sel.choice === o.id || (sel.choices?.includes(o.id) ?? false))}
                    >
                      {q.type === "single" ? (
                        <input type="radio" name={name} value={o.id} checked={sel.choice === o.id} onChange={() => set({ choice: o.id })} />
                      ) : (
                        <input
                          type="checkbox"
                          name={name}
                          value={o.id}
                          checked={sel.choices?.includes(o.id) ?? false}
                          onChange={(e) => set({ choices: e.target.checked ? [...(sel.choices ?? []), o.id] : (sel.choices ?? []).filter((c) => c !== o.id) })}
                        />
                      )}
                      <span className="option-text">
                        <span className="option-id">{o.id})</span> {o.text}
                      </span>
                    </label>
                  ))}
                </div>
              )}
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
                <p>
                  <span className={`badge ${g.correct ? "ok" : g.score > 0 ? "warn" : "bad"}`}>{g.correct ? labels.correct : g.score > 0 ? labels.partial : labels.incorrect}</span>{" "}
                  {labels.answerWas.replace("{answer}", typeof g.answer === "boolean" ? (g.answer ? labels.true : labels.false) : optionText(q, g.answer))}
                </p>
                <p>
                  <strong>{labels.explanation}</strong> {g.explanation}
                </p>
                <p className="meta">{labels.source.replace("{source}", g.source)}</p>
                <button
                  type="button"
                  className="button secondary"
                  onClick={() => {
                    setGraded(({ [q.id]: _removed, ...rest }) => rest);
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
