"use client";
import { useEffect, useRef, useState } from "react";
import { QuestionInput, responseOf, type Selection } from "@/components/quiz/question-input";
import { QuestionResult } from "@/components/quiz/question-result";
import { AttemptIds, postWithResend } from "@/components/ui/resend";
import type { Dictionary } from "@/lib/i18n";
import type { LearnerView } from "@/lib/live/db";
import { Bars } from "./bars";
import { useCountdown, useLiveFeed } from "./use-live";

/** A learner's phone: the open question, then their result and the room's answers after the reveal. */
export function LearnerScreen({ code, locale, labels, quizLabels, terms }: { code: string; locale: string; labels: Dictionary["live"]; quizLabels: Dictionary["quiz"]; terms: Record<string, string> }) {
  const { view, connected, receivedAt } = useLiveFeed<LearnerView>(`/api/live/join/${code}/events?locale=${locale}`);
  const left = useCountdown(view?.closesInMs ?? null, receivedAt);
  const [selection, setSelection] = useState<Selection>({});
  const [sentFor, setSentFor] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  const attemptIds = useRef(new AttemptIds());
  const item = view?.itemIndex ?? -1;
  useEffect(() => {
    setSelection({});
    setError("");
  }, [item]);

  if (!view) return <p role="status">{labels.connection}</p>;
  const answered = view.answered || sentFor === view.itemIndex;

  async function send() {
    if (!view?.question) return;
    const response = responseOf(view.question, selection);
    if (!response) return setError(quizLabels.needAnswer);
    setBusy(true);
    setError("");
    const answer = { itemIndex: view.itemIndex, response };
    const res = await postWithResend(`/api/live/join/${code}/answer`, { ...answer, locale, clientAttemptId: attemptIds.current.idFor(code, answer) }).catch(() => null);
    const body = res ? ((await res.json()) as { error?: string }) : { error: labels.connection };
    if (res?.ok) setSentFor(view.itemIndex);
    else setError(body.error ?? "");
    setBusy(false);
  }

  return (
    <section className="live-learner" data-phase={view.phase}>
      {!connected && (
        <p className="callout warning" role="status">
          {labels.connection}
        </p>
      )}
      <p className="meta">
        {view.title} · {labels.you.replace("{name}", view.nickname)}
      </p>
      {view.phase === "lobby" && <p className="live-waiting">{labels.waiting}</p>}
      {view.phase === "ended" && <p className="live-waiting">{labels.ended}</p>}
      {view.question && view.phase === "question" && (
        <form
          className="card quiz-question"
          data-question={view.question.id}
          onSubmit={(e) => {
            e.preventDefault();
            void send();
          }}
        >
          <p className="meta">
            {labels.questionOf.replace("{n}", String(view.itemIndex + 1)).replace("{total}", String(view.itemCount))}
            {left !== null && (
              <>
                {" · "}
                <span role="timer" aria-label={labels.timeLeft}>
                  {left === 0 ? labels.timeUp : `${Math.ceil(left / 1000)} s`}
                </span>
              </>
            )}
          </p>
          <h2 className="mock-prompt">{view.question.prompt}</h2>
          {view.question.setup && <p className="meta">{view.question.setup.config.join(" · ")} — {view.question.setup.faults.join(" · ")}</p>}
          <fieldset disabled={answered || busy}>
            <legend className="visually-hidden">{view.question.prompt}</legend>
            <QuestionInput q={view.question} sel={selection} set={setSelection} graded={undefined} labels={quizLabels} terms={terms} />
          </fieldset>
          {answered ? (
            <p role="status" className="ok-text" data-sent>
              {labels.sent}
            </p>
          ) : (
            <button type="submit" className="button" disabled={busy || left === 0}>
              {labels.submit}
            </button>
          )}
          {error && (
            <p className="alert" role="alert">
              {error}
            </p>
          )}
        </form>
      )}
      {view.question && view.phase === "reveal" && view.result && (
        <div className="card" data-result>
          <h2 className="mock-prompt">{view.question.prompt}</h2>
          {!view.result.answered && <p>{labels.notAnswered}</p>}
          <QuestionResult q={view.question} g={view.result} labels={quizLabels} />
          <Bars bars={view.bars} labels={labels} caption={labels.histogram} />
          {view.rank && <p data-rank={view.rank.position}>{labels.yourRank.replace("{n}", String(view.rank.position)).replace("{points}", String(view.rank.points))}</p>}
        </div>
      )}
    </section>
  );
}
