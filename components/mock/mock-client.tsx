"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { QuestionInput, responseOf, type Selection } from "@/components/quiz/question-input";
import { AttemptIds, postWithResend } from "@/components/ui/resend";
import type { Dictionary } from "@/lib/i18n";
import type { ActiveState } from "@/lib/mock/db";

function clock(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/**
 * The running interview: one question at a time, the interviewer's follow-up line, and a
 * countdown. The deadline is the server's; this clock only shows it. No feedback until the report.
 */
export function MockClient({ initial, locale, labels, quizLabels, terms }: { initial: ActiveState; locale: string; labels: Dictionary["mock"]; quizLabels: Dictionary["quiz"]; terms: Record<string, string> }) {
  const router = useRouter();
  const [state, setState] = useState(initial);
  const [selection, setSelection] = useState<Selection>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  const [over, setOver] = useState(false);
  const endAt = useRef(Date.now() + initial.remainingMs);
  const [left, setLeft] = useState(initial.remainingMs);
  const [announce, setAnnounce] = useState("");
  const shownAt = useRef(Date.now());
  const heading = useRef<HTMLHeadingElement>(null);
  const attemptIds = useRef(new AttemptIds());

  useEffect(() => {
    const tick = () => {
      const ms = endAt.current - Date.now();
      setLeft(ms);
      const minutes = Math.ceil(ms / 60_000);
      if (ms > 0 && (minutes === 5 || minutes === 1)) setAnnounce(minutes === 1 ? labels.oneMinuteLeft : labels.minutesLeft.replace("{n}", "5"));
      if (ms <= 0) setOver(true);
    };
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [labels]);

  // When the countdown ends, ask the server (which holds the deadline) and show the report.
  useEffect(() => {
    if (!over) return;
    let live = true;
    const check = async () => {
      const res = await fetch(`/api/mock/${state.id}?locale=${locale}`).catch(() => null);
      const body = res?.ok ? await res.json() : null;
      if (!live) return;
      if (body?.status === "finished") router.refresh();
      else setTimeout(check, 2000);
    };
    void check();
    return () => {
      live = false;
    };
  }, [over, state.id, locale, router]);

  function show(next: ActiveState | { status: "finished" }) {
    if (next.status === "finished") {
      setOver(true);
      router.refresh();
      return;
    }
    setState(next);
    setSelection({});
    endAt.current = Date.now() + next.remainingMs;
    shownAt.current = Date.now();
    requestAnimationFrame(() => heading.current?.focus());
  }

  async function send(payload: Record<string, unknown>) {
    setBusy(true);
    setError("");
    try {
      const answer = { position: state.position, ...payload };
      const res = await postWithResend(`/api/mock/${state.id}/answer`, { ...answer, locale, timeTakenMs: Date.now() - shownAt.current, clientAttemptId: attemptIds.current.idFor(state.id, answer) });
      const body = await res.json();
      if (body.state) show(body.state);
      else if (!res.ok) throw new Error(body.error ?? res.statusText);
      if (!res.ok && body.state?.status === "active") setError(labels.error.replace("{message}", body.error));
    } catch (err) {
      setError(labels.error.replace("{message}", (err as Error).message));
    } finally {
      setBusy(false);
    }
  }

  async function end() {
    if (!window.confirm(labels.endConfirm)) return;
    setBusy(true);
    const res = await fetch(`/api/mock/${state.id}/end`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }).catch(() => null);
    if (res?.ok) router.refresh();
    else {
      setError(labels.error.replace("{message}", res ? res.statusText : "network"));
      setBusy(false);
    }
  }

  const q = state.question;
  const urgent = left < 60_000;
  return (
    <section className="mock-run" aria-labelledby="mock-question">
      <div className="mock-bar">
        <p className={`mock-timer${urgent ? " urgent" : ""}`} role="timer" aria-label={labels.timeLeft}>
          <span className="meta">{labels.timeLeft}</span> <strong data-time-left>{clock(left)}</strong>
        </p>
        <p className="meta">
          {labels.questionOf.replace("{n}", String(state.position + 1)).replace("{total}", String(state.total))}
          <br />
          {labels.topic.replace("{n}", String(state.chain.index + 1)).replace("{total}", String(state.chain.count)).replace("{title}", state.chain.title)}
        </p>
        <progress max={state.total} value={state.position} aria-label={labels.questionOf.replace("{n}", String(state.position + 1)).replace("{total}", String(state.total))} />
      </div>
      <p className="visually-hidden" aria-live="polite">
        {announce}
      </p>
      {over ? (
        <p role="status">{labels.timeUp}</p>
      ) : (
        <form
          className="card quiz-question"
          data-question={q.id}
          data-position={state.position}
          onSubmit={(e) => {
            e.preventDefault();
            const response = responseOf(q, selection);
            if (!response) return setError(quizLabels.needAnswer);
            void send({ response });
          }}
        >
          {state.lead && (
            <p className="mock-lead">
              <strong>{labels.interviewer}:</strong> <q>{state.lead}</q>
            </p>
          )}
          <h2 id="mock-question" ref={heading} tabIndex={-1} className="mock-prompt">
            {q.prompt}
          </h2>
          <fieldset disabled={busy}>
            {q.setup && (
              <div className="quiz-setup">
                <p className="meta">
                  {quizLabels.setupConfig}: {q.setup.config.join(" · ")}
                </p>
                <p className="meta">
                  {quizLabels.setupFaults}: {q.setup.faults.join(" · ")}
                </p>
                {q.goal && <p>{quizLabels.goal.replace("{goal}", q.goal)}</p>}
              </div>
            )}
            <QuestionInput q={q} sel={selection} set={setSelection} graded={undefined} labels={quizLabels} terms={terms} />
          </fieldset>
          <div className="mock-actions">
            <button type="submit" className="button" disabled={busy}>
              {busy ? labels.sending : labels.submit}
            </button>
            <button type="button" className="button secondary" disabled={busy} onClick={() => void send({ skip: true })}>
              {labels.skip}
            </button>
            <button type="button" className="button secondary small" disabled={busy} onClick={() => void end()}>
              {labels.end}
            </button>
          </div>
          {error && (
            <p className="alert" role="alert">
              {error}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
