"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormError, sendJson, useSubmit } from "@/components/ui/submit";
import type { Dictionary } from "@/lib/i18n";

interface Choice {
  id: string;
  prompt: string;
  type: string;
}

/** The form that builds a live session from bank questions, grouped by lesson. */
export function NewSession({ locale, lessons, labels, typeNames }: { locale: string; lessons: { slug: string; title: string; questions: Choice[] }[]; labels: Dictionary["teach"]; typeNames: Record<string, string> }) {
  const router = useRouter();
  const [title, setTitle] = useState("");
  const [seconds, setSeconds] = useState(60);
  const [board, setBoard] = useState<"off" | "correct" | "speed">("correct");
  const [hide, setHide] = useState(false);
  const [picked, setPicked] = useState<string[]>([]);
  const { busy, error, run } = useSubmit({ format: (m) => labels.error.replace("{message}", m), stayBusy: true });
  const toggle = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]));
  function create(e: React.FormEvent) {
    e.preventDefault();
    void run(async () => {
      const { id } = await sendJson<{ id: string }>("/api/live", { title, questionIds: picked, secondsPerItem: seconds, leaderboard: board, hideNames: hide });
      router.push(`/${locale}/teach/live/${id}`);
    });
  }
  return (
    <form className="card new-session" onSubmit={create}>
      <h2>{labels.newSession}</h2>
      <p>
        <label>
          {labels.sessionTitle}
          <br />
          <input className="text-input" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={120} required />
        </label>
      </p>
      <p className="inline-fields">
        <label>
          {labels.seconds}{" "}
          <input className="text-input short" type="number" min={10} max={600} value={seconds} onChange={(e) => setSeconds(Number(e.target.value))} />
        </label>
        <label>
          {labels.leaderboard}{" "}
          <select value={board} onChange={(e) => setBoard(e.target.value as typeof board)}>
            {(["correct", "speed", "off"] as const).map((b) => (
              <option key={b} value={b}>
                {labels.leaderboards[b]}
              </option>
            ))}
          </select>
        </label>
        <label className="option">
          <input type="checkbox" checked={hide} onChange={(e) => setHide(e.target.checked)} /> <span className="option-text">{labels.hideNames}</span>
        </label>
      </p>
      <fieldset className="question-picker">
        <legend>
          {labels.pickQuestions} · <span aria-live="polite">{labels.chosen.replace("{n}", String(picked.length))}</span>
        </legend>
        <p className="meta">{labels.pickHelp}</p>
        {lessons.map((l) => (
          <details key={l.slug}>
            <summary>
              {l.title} ({l.questions.filter((q) => picked.includes(q.id)).length}/{l.questions.length})
            </summary>
            <ul>
              {l.questions.map((q) => (
                <li key={q.id}>
                  <label className="option">
                    <input type="checkbox" checked={picked.includes(q.id)} onChange={() => toggle(q.id)} data-question={q.id} />
                    <span className="option-text">
                      {picked.includes(q.id) && <strong>{picked.indexOf(q.id) + 1}. </strong>}
                      {q.prompt} <span className="meta">({typeNames[q.type] ?? q.type})</span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </details>
        ))}
      </fieldset>
      <button type="submit" className="button" disabled={busy || picked.length === 0}>
        {busy ? labels.creating : labels.create}
      </button>
      <FormError message={error} />
    </form>
  );
}
