"use client";
import { useEffect, useRef, useState } from "react";
import type { Dictionary } from "@/lib/i18n";
import { encodeLink } from "@/lib/sim/link";
import type { Scenario } from "@/lib/sim/scenario";
import { AuditPanel } from "./audit-panel";
import { BrokerCard } from "./broker-card";
import { newFault } from "./new-fault";
import { narrate, term } from "./narrate";
import { WINDOW_RECORDS } from "./player-constants";
import { seconds, Timeline } from "./timeline";
import { usePlayer } from "./use-player";
import { Wire } from "./wire";

/** Playback speeds in simulated seconds per second, on a log scale (slow enough to watch a 1 ms network hop). */
export const SPEEDS = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 30];
const DEFAULT_SPEED = SPEEDS.indexOf(5);

/**
 * The simulation player, in lessons and in the Lab: lib/sim runs in a Web Worker (use-player.ts)
 * and this component draws what it reports. Run plays simulated time at the chosen speed, Step
 * jumps to the next logged event, the scrubber replays to any moment from the seed, and in the
 * Lab faults are injected at the current moment and dragged along the timeline.
 */
export function SimulationClient({
  name,
  title,
  scenario,
  labels,
  eventLabels,
  terms,
  initialAtMs = 0,
  onTimeChange,
  onInjectFault,
  onMoveFault,
  onRemoveFault,
  labPath,
}: {
  name: string;
  title: string;
  scenario: Scenario;
  labels: Dictionary["sim"];
  eventLabels: Dictionary["events"];
  terms: Dictionary["terms"];
  /** Open the run at this moment (a shared link, or where the learner was before an edit). */
  initialAtMs?: number;
  /** Told when the learner moves in time, e.g. to keep a shareable link current. */
  onTimeChange?: (atMs: number) => void;
  /** When given, faults can be injected at the current moment (the Lab adds them to the scenario). */
  onInjectFault?: (fault: Record<string, unknown>) => void;
  onMoveFault?: (index: number, atMs: number) => void;
  onRemoveFault?: (index: number) => void;
  /** In lessons: the Lab's address, for a link that opens this run at this moment there. */
  labPath?: string;
}) {
  const { view, story, error, busy, send, where, lastElapsedMs } = usePlayer(scenario, initialAtMs);
  const [playing, setPlaying] = useState(false);
  const [speedIndex, setSpeedIndex] = useState(DEFAULT_SPEED);
  const speed = SPEEDS[speedIndex]!;
  // Trails cover about a third of a second of playback, at least one network hop.
  const trailMs = Math.max(4 * scenario.cluster.networkDelayMs, Math.round(speed * 330));
  const done = view?.done ?? false;

  useEffect(() => {
    if (view && !playing) onTimeChange?.(view.atMs);
  }, [view, playing, onTimeChange]);

  // Playback: each frame asks for the moment wall-clock time has reached. The worker answers one
  // request at a time, so a slow answer makes playback skip ahead rather than queue up.
  const latest = useRef({ view, busy });
  latest.current = { view, busy };
  useEffect(() => {
    if (!playing) return;
    let anchor: { wall: number; sim: number } | null = null;
    let frame = 0;
    const tick = (now: number) => {
      const { view: v, busy: b } = latest.current;
      if (v) {
        anchor ??= { wall: now, sim: v.atMs };
        const target = Math.ceil(anchor.sim + ((now - anchor.wall) / 1000) * speed * 1000);
        if (!b && target > v.atMs) send({ type: "seek", atMs: Math.min(target, v.durationMs), trailMs });
      }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing, speed, send, trailMs]);
  useEffect(() => {
    if (done) setPlaying(false);
  }, [done]);

  // Announce notable events politely: one sentence per new event, not one per frame.
  const lastNotable = view?.notable[view.notable.length - 1];
  const announcement = lastNotable ? narrate(lastNotable, eventLabels, terms) : "";

  const stepOnce = () => !done && !playing && send({ type: "step", trailMs });
  const { cluster, producer, consumer } = scenario;

  return (
    <section
      className="sim"
      aria-label={labels.title.replace("{name}", title)}
      data-preset={name}
      data-busy={busy ? "true" : "false"}
      data-where={where ?? ""}
      data-elapsed={lastElapsedMs ?? ""}
      data-at={view?.atMs ?? ""}
      onKeyDown={(e) => {
        // Shortcuts while focus is inside the player: Space plays or pauses (on a button, Space
        // presses that button as usual), → steps to the next event. Form fields, record strips
        // and the timeline's fault markers keep their own keys.
        const t = e.target as HTMLElement;
        if (t instanceof HTMLInputElement || t instanceof HTMLSelectElement || t instanceof HTMLTextAreaElement || t.closest(".sim-strip, .sim-track")) return;
        if (e.key === " " && !done && t.tagName !== "BUTTON") {
          e.preventDefault();
          setPlaying((p) => !p);
        } else if (e.key === "ArrowRight" && !done && !playing) {
          e.preventDefault();
          stepOnce();
        }
      }}
    >
      <h3 className="sim-title">{labels.title.replace("{name}", title)}</h3>
      <p className="meta">
        {labels.config}: acks={producer.acks}, enable.idempotence={String(producer.enableIdempotence)}, RF={cluster.replicationFactor}, min.insync.replicas={cluster.minInsyncReplicas}, unclean.leader.election.enable={String(cluster.uncleanLeaderElection)}
        {consumer.enabled ? `, ${labels.consumer}: ${term(consumer.commit, terms)}` : ""}
        <br />
        {labels.faults}: {scenario.faults.map((f) => `${seconds(f.atMs)} s ${term(f.type, terms)}${"broker" in f ? ` (${typeof f.broker === "number" ? labels.broker.replace("{id}", String(f.broker)) : term(f.broker, terms)})` : ""}`).join("; ") || "—"}
      </p>
      {error && (
        <p className="alert" role="alert">
          {labels.error.replace("{message}", error)}
        </p>
      )}
      {!view && !error && <p className="meta">{labels.loading}</p>}
      {view && (
        <>
          <div className="sim-controls">
            {/* aria-disabled rather than disabled: a button that becomes unavailable keeps focus. */}
            <button type="button" className="button" onClick={() => !done && setPlaying((p) => !p)} aria-disabled={done} aria-keyshortcuts="Space">
              <span aria-hidden="true">{playing ? "❚❚ " : "▶ "}</span>
              {playing ? labels.pause : labels.run}
            </button>
            <button type="button" className="button secondary" onClick={stepOnce} aria-disabled={done || playing} aria-keyshortcuts="ArrowRight">
              {labels.step}
              <span aria-hidden="true"> →</span>
            </button>
            <button type="button" className="button secondary" onClick={() => !done && send({ type: "end" })} aria-disabled={done}>
              {labels.toEnd}
              <span aria-hidden="true"> ⇥</span>
            </button>
            <button
              type="button"
              className="button secondary"
              onClick={() => {
                setPlaying(false);
                send({ type: "seek", atMs: 0, trailMs: 0 });
              }}
            >
              <span aria-hidden="true">↺ </span>
              {labels.reset}
            </button>
            {labPath && (
              <a className="button secondary" href={`${labPath}?s=${encodeLink({ input: scenario, atMs: view.atMs })}`}>
                {labels.openInLab}
              </a>
            )}
            <label className="meta sim-speed">
              {labels.speed}{" "}
              <input
                type="range"
                min={0}
                max={SPEEDS.length - 1}
                step={1}
                value={speedIndex}
                onChange={(e) => setSpeedIndex(Number(e.target.value))}
                aria-valuetext={labels.speedValue.replace("{x}", String(speed))}
              />{" "}
              <output>{labels.speedValue.replace("{x}", String(speed))}</output>
            </label>
          </div>
          <Timeline
            atMs={view.atMs}
            durationMs={view.durationMs}
            faults={scenario.faults}
            marks={view.marks}
            labels={labels}
            terms={terms}
            onSeek={(atMs) => {
              setPlaying(false);
              send({ type: "seek", atMs, trailMs: 0 });
            }}
            onMoveFault={onMoveFault}
            onRemoveFault={onRemoveFault}
          />
          <p className="meta">{labels.shortcuts}</p>
          <p className="meta sim-now">
            <strong>{labels.time.replace("{s}", seconds(view.atMs)).replace("{total}", seconds(view.durationMs))}</strong> ·{" "}
            {view.partition.leader === null
              ? labels.offline
              : labels.partition
                  .replace("{leader}", String(view.partition.leader))
                  .replace("{isr}", `[${view.partition.isr.join(", ")}]`)
                  .replace("{epoch}", String(view.partition.leaderEpoch))}
          </p>
          <Wire network={view.network} atMs={view.atMs} brokers={view.brokers.length} trailMs={trailMs} labels={labels} />
          <div className="sim-window-controls">
            <span className="meta">{labels.windowShows.replace("{from}", String(view.window.from)).replace("{to}", String(view.window.from + WINDOW_RECORDS - 1))}</span>
            <button type="button" className="button secondary small" onClick={() => send({ type: "window", end: Math.max(WINDOW_RECORDS, view.window.from) })} aria-disabled={view.window.from === 0}>
              <span aria-hidden="true">▲ </span>
              {labels.windowEarlier}
            </button>
            <button type="button" className="button secondary small" onClick={() => send({ type: "window", end: view.window.from + 2 * WINDOW_RECORDS })}>
              <span aria-hidden="true">▼ </span>
              {labels.windowLater}
            </button>
            <button type="button" className="button secondary small" onClick={() => send({ type: "window", end: null })} aria-pressed={view.window.follow}>
              <span aria-hidden="true">⇥ </span>
              {labels.windowFollow}
            </button>
          </div>
          <div className="sim-brokers" style={{ ["--brokers" as string]: view.brokers.length }}>
            {view.brokers.map((b) => (
              <BrokerCard
                key={b.id}
                broker={b}
                inIsr={view.partition.isr.includes(b.id)}
                maxLeo={view.maxLeo}
                windowFrom={view.window.from}
                windowSize={WINDOW_RECORDS}
                highlightOffsets={view.highlight.offsets}
                labels={labels}
                onInject={onInjectFault && ((type) => onInjectFault(newFault(type, view.atMs, b.id)))}
                onPick={(id) => send({ type: "story", id })}
              />
            ))}
          </div>
          <p className="meta">{labels.logLegend}</p>
          <div className="sim-clients">
            <div className="card">
              <h4>{labels.producer}</h4>
              <p>
                {labels.sent} {view.producer.sent} · {labels.acknowledged} {view.producer.acknowledged} · {labels.failed} {view.producer.failed} · {labels.inFlight} {view.producer.inFlight.length}
              </p>
              {Object.keys(view.live.errors).length > 0 && (
                <p className="meta">
                  {labels.errors}: {Object.entries(view.live.errors).map(([n, k]) => `${n} ×${k}`).join(", ")}
                </p>
              )}
              <InjectButtons
                at={view.atMs}
                inject={onInjectFault}
                buttons={[
                  ["drop-requests", labels.dropRequests],
                  ["drop-responses", labels.dropResponses],
                ]}
              />
            </div>
            <div className="card">
              <h4>{labels.consumer}</h4>
              <p>
                {labels.position} {view.consumer.position ?? "—"} · {labels.committed} {view.consumer.committed ?? "—"} · {labels.processed} {view.consumer.processed}
              </p>
              <p className="meta">
                {labels.lag} {view.live.lag} · {labels.consumerDuplicates} {view.live.processedTwice} · {labels.consumerMissed} {view.live.missedByConsumer} · {labels.rebalances} {view.live.rebalances}
              </p>
              <InjectButtons
                at={view.atMs}
                inject={onInjectFault}
                buttons={[
                  ["crash-consumer", labels.crashConsumer],
                  ["stall-consumer", labels.stallConsumer],
                ]}
              />
            </div>
          </div>
          <p className="visually-hidden" aria-live="polite">
            {announcement}
          </p>
          <h4>{labels.events}</h4>
          <ol className="sim-events">
            {view.notable.length === 0 && <li className="meta">{labels.noEvents}</li>}
            {view.notable.map((e, i) => (
              <li key={`${e.atMs}-${i}`}>
                <span className="meta">{seconds(e.atMs)} s</span> {narrate(e, eventLabels, terms)}
              </li>
            ))}
          </ol>
          <AuditPanel
            audit={view.audit}
            highlighted={view.highlight.ids}
            story={story}
            maxId={scenario.producer.messages}
            labels={labels}
            eventLabels={eventLabels}
            terms={terms}
            onHighlight={(ids) => send({ type: "highlight", ids })}
            onStory={(id) => send({ type: "story", id })}
          />
        </>
      )}
    </section>
  );
}

/** Buttons that add a fault of a given type at the current moment (see newFault for its defaults); none outside the Lab. */
function InjectButtons({ at, inject, buttons }: { at: number; inject?: (fault: Record<string, unknown>) => void; buttons: [string, string][] }) {
  if (!inject) return null;
  return (
    <p className="sim-inject">
      {buttons.map(([type, label]) => (
        <button key={type} type="button" className="button secondary" onClick={() => inject(newFault(type, at))}>
          {label}
        </button>
      ))}
    </p>
  );
}
