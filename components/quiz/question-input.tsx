"use client";
import type { Dictionary } from "@/lib/i18n";
import type { PublicQuestion } from "@/lib/quiz/public";

type Labels = Dictionary["quiz"];

/** What the learner has entered so far, for any question type. */
export interface Selection {
  choice?: string;
  choices?: string[];
  value?: boolean;
  number?: string;
  order?: string[];
  predictions?: Record<string, string>;
  settings?: Record<string, string | number | boolean>;
  text?: string;
}

/** The response to send, or null when the learner has not answered yet. */
export function responseOf(q: PublicQuestion, s: Selection): Record<string, unknown> | null {
  switch (q.type) {
    case "single":
      return s.choice ? { choice: s.choice } : null;
    case "multiple":
      return s.choices?.length ? { choices: s.choices } : null;
    case "true-false":
      return typeof s.value === "boolean" ? { value: s.value } : null;
    case "numeric": {
      const n = Number(s.number?.replace(",", "."));
      return s.number?.trim() && Number.isFinite(n) ? { number: n } : null;
    }
    case "order":
      return { order: s.order ?? q.options.map((o) => o.id) };
    case "sim-predict":
      return (q.parts ?? []).every((p) => s.predictions?.[p.id]) ? { predictions: s.predictions } : null;
    case "config-fix":
      return { settings: s.settings ?? {} };
    case "explain":
      return s.text?.trim() ? { text: s.text } : null;
  }
}

/** A stored response back into a selection (after a reload). */
export function selectionOf(response: unknown): Selection {
  if (typeof response !== "object" || response === null) return {};
  const r = response as Record<string, unknown>;
  return { ...(r as Selection), ...(typeof r.number === "number" ? { number: String(r.number) } : {}) };
}

const valueText = (v: string | number | boolean) => String(v);

/** The inputs of one question, by type. Marks right and wrong options once graded. */
export function QuestionInput({ q, sel, set, graded, labels, terms }: { q: PublicQuestion; sel: Selection; set: (s: Selection) => void; graded: { answer?: unknown } | undefined; labels: Labels; terms: Record<string, string> }) {
  const name = `q-${q.id}`;
  const optionClass = (isAnswer: boolean, picked: boolean) => (!graded ? "option" : `option${isAnswer ? " is-answer" : picked ? " is-wrong" : ""}`);
  const answer = graded?.answer;
  switch (q.type) {
    case "true-false":
      return (
        <div className="options">
          {([true, false] as const).map((v) => (
            <label key={String(v)} className={optionClass(answer === v, sel.value === v)}>
              <input type="radio" name={name} checked={sel.value === v} onChange={() => set({ value: v })} />
              <span className="option-text">{v ? labels.true : labels.false}</span>
            </label>
          ))}
        </div>
      );
    case "single":
    case "multiple":
      return (
        <div className="options">
          {q.options.map((o) => {
            const isAnswer = Array.isArray(answer) && answer.includes(o.id);
            const picked = sel.choice === o.id || (sel.choices?.includes(o.id) ?? false);
            return (
              <label key={o.id} className={optionClass(isAnswer, picked)}>
                {q.type === "single" ? (
                  <input type="radio" name={name} value={o.id} checked={sel.choice === o.id} onChange={() => set({ choice: o.id })} />
                ) : (
                  <input type="checkbox" name={name} value={o.id} checked={picked} onChange={(e) => set({ choices: e.target.checked ? [...(sel.choices ?? []), o.id] : (sel.choices ?? []).filter((c) => c !== o.id) })} />
                )}
                <span className="option-text">
                  <span className="option-id">{o.id})</span> {o.text}
                </span>
              </label>
            );
          })}
        </div>
      );
    case "numeric":
      return (
        <label className="quiz-field">
          {labels.numberLabel}{" "}
          <input type="text" inputMode="decimal" name={name} value={sel.number ?? ""} onChange={(e) => set({ number: e.target.value })} /> {q.unit}
        </label>
      );
    case "order": {
      const order = sel.order ?? q.options.map((o) => o.id);
      const move = (i: number, by: -1 | 1) => {
        const next = [...order];
        [next[i], next[i + by]] = [next[i + by]!, next[i]!];
        set({ order: next });
      };
      return (
        <ol className="quiz-order">
          {order.map((id, i) => {
            const text = q.options.find((o) => o.id === id)?.text ?? id;
            return (
              <li key={id}>
                <span className="option-text">{text}</span>
                <span className="quiz-order-buttons">
                  <button type="button" className="button secondary small" onClick={() => move(i, -1)} disabled={i === 0} aria-label={labels.moveUp.replace("{item}", text)}>
                    ↑
                  </button>
                  <button type="button" className="button secondary small" onClick={() => move(i, 1)} disabled={i === order.length - 1} aria-label={labels.moveDown.replace("{item}", text)}>
                    ↓
                  </button>
                </span>
              </li>
            );
          })}
        </ol>
      );
    }
    case "sim-predict":
      return (
        <div className="quiz-parts">
          {(q.parts ?? []).map((p) => {
            const key = answer && typeof answer === "object" && !Array.isArray(answer) ? (answer as Record<string, string>)[p.id] : undefined;
            return (
              <fieldset key={p.id} className="quiz-part">
                <legend>{p.ask}</legend>
                <div className="options inline">
                  {p.buckets.map((b) => (
                    <label key={b.id} className={optionClass(key === b.id, sel.predictions?.[p.id] === b.id)}>
                      <input type="radio" name={`${name}-${p.id}`} checked={sel.predictions?.[p.id] === b.id} onChange={() => set({ predictions: { ...sel.predictions, [p.id]: b.id } })} />
                      <span className="option-text">{b.text}</span>
                    </label>
                  ))}
                </div>
              </fieldset>
            );
          })}
        </div>
      );
    case "config-fix":
      return (
        <div className="quiz-knobs">
          {(q.knobs ?? []).map((k) => {
            const value = sel.settings?.[k.path] ?? k.current ?? k.values[0]!;
            const id = `${name}-${k.path.replace(".", "-")}`;
            return (
              <label key={k.path} htmlFor={id} className="quiz-field">
                <code>{k.path}</code>{" "}
                <select
                  id={id}
                  value={valueText(value)}
                  onChange={(e) => set({ settings: { ...sel.settings, [k.path]: k.values.find((v) => valueText(v) === e.target.value)! } })}
                >
                  {k.values.map((v) => (
                    <option key={valueText(v)} value={valueText(v)}>
                      {typeof v === "string" && terms[v] ? `${v} — ${terms[v]}` : valueText(v)}
                      {v === k.current ? ` ${labels.current}` : ""}
                    </option>
                  ))}
                </select>
              </label>
            );
          })}
        </div>
      );
    case "explain":
      return (
        <label className="quiz-field block">
          {labels.explainLabel}
          <textarea name={name} rows={6} maxLength={4000} value={sel.text ?? ""} onChange={(e) => set({ text: e.target.value })} />
        </label>
      );
  }
}
