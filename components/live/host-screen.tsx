"use client";
import { useEffect, useState } from "react";
import type { Dictionary } from "@/lib/i18n";
import type { HostView } from "@/lib/live/db";
import { SimulationLazy } from "@/components/sim/simulation-lazy";
import { Bars } from "./bars";
import { useCountdown, useLiveFeed } from "./use-live";

const seconds = (ms: number) => `${Math.ceil(ms / 1000)} s`;

/**
 * The host's screen: on a projector the code, the question, the live histogram and the reveal;
 * with `remote` only the controls and the counts, for a phone driving the projector.
 */
export function HostScreen({ id, locale, labels, remote, sim }: { id: string; locale: string; labels: Dictionary["live"]; remote: boolean; sim: { labels: Dictionary["sim"]; events: Dictionary["events"]; terms: Dictionary["terms"] } }) {
  const { view, connected, receivedAt } = useLiveFeed<HostView>(`/api/live/${id}/events?locale=${locale}`);
  const left = useCountdown(view?.closesInMs ?? null, receivedAt);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  const [origin, setOrigin] = useState("");
  useEffect(() => setOrigin(window.location.origin), []);

  async function press(action: "start" | "reveal" | "next" | "end") {
    if (action === "end" && !window.confirm(labels.endConfirm)) return;
    setBusy(true);
    setError("");
    const res = await fetch(`/api/live/${id}/control`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ action }) }).catch(() => null);
    if (!res?.ok) setError(res ? ((await res.json()) as { error?: string }).error ?? res.statusText : labels.connection);
    setBusy(false);
  }

  if (!view) return <p role="status">{labels.connection}</p>;
  const last = view.itemIndex + 1 >= view.itemCount;
  const controls = (
    <div className="live-controls">
      {view.phase === "lobby" && (
        <button type="button" className="button" disabled={busy} onClick={() => void press("start")}>
          {labels.start}
        </button>
      )}
      {view.phase === "question" && (
        <button type="button" className="button" disabled={busy} onClick={() => void press("reveal")}>
          {labels.reveal}
        </button>
      )}
      {view.phase === "reveal" && (
        <button type="button" className="button" disabled={busy} onClick={() => void press("next")}>
          {last ? labels.finish : labels.next}
        </button>
      )}
      {view.phase !== "ended" && (
        <button type="button" className="button secondary small" disabled={busy} onClick={() => void press("end")}>
          {labels.end}
        </button>
      )}
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
    </div>
  );
  const counts = (
    <p className="live-counts" aria-live="polite">
      <span data-joined={view.participants}>{labels.joinedCount.replace("{n}", String(view.participants))}</span>
      {view.phase === "question" || view.phase === "reveal" ? (
        <>
          {" · "}
          <span data-answered={view.answered}>{labels.answeredCount.replace("{n}", String(view.answered)).replace("{total}", String(view.participants))}</span>
        </>
      ) : null}
    </p>
  );
  return (
    <section className={`live-host${remote ? " remote" : ""}`} data-phase={view.phase}>
      {!connected && (
        <p className="callout warning" role="status">
          {labels.connection}
        </p>
      )}
      <div className="live-head">
        <div>
          {!remote && <p className="live-title">{view.title}</p>}
          {!remote && (
            <p className="live-join">
              {labels.joinAt.replace("{url}", `${origin}/${locale}/join`)} <strong className="live-code" data-code={view.code}>{view.code}</strong>
            </p>
          )}
        </div>
        {left !== null && (
          <p className={`live-timer${left === 0 ? " over" : ""}`} role="timer" aria-label={labels.timeLeft}>
            {left === 0 ? labels.timeUp : seconds(left)}
          </p>
        )}
      </div>
      {counts}
      {controls}
      {view.phase === "lobby" && <p className="live-waiting">{labels.waiting}</p>}
      {view.question && (
        <div className="live-question">
          <p className="meta">{labels.questionOf.replace("{n}", String(view.itemIndex + 1)).replace("{total}", String(view.itemCount))}</p>
          {!remote && <h2 className="live-prompt">{view.question.prompt}</h2>}
          {!remote && view.question.setup && <p className="meta">{view.question.setup.config.join(" · ")} — {view.question.setup.faults.join(" · ")}</p>}
          <Bars bars={view.bars} labels={labels} caption={labels.histogram} />
        </div>
      )}
      {view.reveal && !remote && (
        <div className="live-reveal">
          <p>{view.reveal.explanation}</p>
          {view.scenario && view.question && (
            // The simulation moment: the run the class predicted, to play on the projector.
            <SimulationLazy key={`${view.itemIndex}`} name={`live-${view.itemIndex}`} title={view.question.prompt} scenario={view.scenario} labels={sim.labels} eventLabels={sim.events} terms={sim.terms} labPath={`/${locale}/lab`} />
          )}
          {view.reveal.lab && (
            <p>
              <a href={view.reveal.lab} target="_blank" rel="noreferrer">
                {labels.openLab}
              </a>
            </p>
          )}
        </div>
      )}
      {view.leaderboard && view.leaderboard.length > 0 && (
        <div className="live-board">
          <h2>{labels.leaderboard}</h2>
          <ol>
            {view.leaderboard.map((r) => (
              <li key={r.nickname}>
                {r.nickname} · {labels.points.replace("{n}", String(r.points))}
              </li>
            ))}
          </ol>
        </div>
      )}
      {view.phase === "ended" && <p className="live-waiting">{labels.ended}</p>}
      <p className="meta live-links">
        <a href={`/api/live/${id}/csv`} download>
          {labels.csv}
        </a>
        {!remote && (
          <>
            {" · "}
            <a href={`/${locale}/teach/live/${id}?remote=1`}>{labels.remote}</a> <span>{labels.remoteHelp}</span>
          </>
        )}
        {remote && (
          <>
            {" · "}
            <a href={`/${locale}/teach/live/${id}`}>{labels.fullScreen}</a>
          </>
        )}
      </p>
    </section>
  );
}
