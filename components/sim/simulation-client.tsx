"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { Dictionary } from "@/lib/i18n";
import type { SimRun } from "@/lib/sim/engine";
import type { Scenario } from "@/lib/sim/scenario";
import { ROUTINE_EVENTS, type Audit, type SimEvent, type Snapshot } from "@/lib/sim/types";
import { BrokerCard } from "./broker-card";
import { MessageStory } from "./message-story";
import { newFault } from "./new-fault";
import { narrate, term } from "./narrate";

type Engine = typeof import("@/lib/sim/engine");
const SPEEDS = [2_000, 5_000, 10_000, 30_000];

/**
 * The lesson's simulation: runs lib/sim in the browser (loaded on demand) on a named preset.
 * Run plays simulated time at the chosen speed, Step jumps to the next logged event, Reset
 * replays from the seed. Everything shown comes from the engine's snapshot and audit.
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
}: {
  name: string;
  title: string;
  scenario: Scenario;
  labels: Dictionary["sim"];
  eventLabels: Dictionary["events"];
  terms: Dictionary["terms"];
  /** Open the run at this moment (a shared link). */
  initialAtMs?: number;
  /** Told when the learner moves in time, e.g. to keep a shareable link current. */
  onTimeChange?: (atMs: number) => void;
  /** When given, faults can be injected at the current moment (the Lab adds them to the scenario). */
  onInjectFault?: (fault: Record<string, unknown>) => void;
}) {
  const engine = useRef<Engine | null>(null);
  const run = useRef<SimRun | null>(null);
  const [snap, setSnap] = useState<Snapshot | null>(null);
  const [events, setEvents] = useState<SimEvent[]>([]);
  const [audit, setAudit] = useState<Audit | null>(null);
  const [live, setLive] = useState<Audit | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(SPEEDS[1]!);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(() => {
    const r = run.current;
    if (!r) return;
    setSnap(r.snapshot());
    const notable = r.events.filter((e) => !ROUTINE_EVENTS.has(e.type));
    setEvents(notable.slice(-8));
    const now = r.audit();
    setLive(now);
    setAudit(r.done ? now : null);
    // One polite announcement per change of the latest notable event, not per frame.
    const last = notable[notable.length - 1];
    setAnnouncement(last ? narrate(last, eventLabels, terms) : "");
  }, [eventLabels, terms]);

  /** Replays from the seed to `atMs`: the same state every time, so any moment can be revisited. */
  const seek = useCallback(
    (atMs: number) => {
      if (!engine.current) return;
      setPlaying(false);
      try {
        // Forward needs no replay: the run just goes on. Backward replays from the seed.
        if (!run.current || atMs < run.current.nowMs || atMs === 0) run.current = engine.current.createRun(scenario);
        if (atMs > 0) run.current.advanceTo(atMs);
        refresh();
      } catch (err) {
        setError((err as Error).message);
      }
    },
    [scenario, refresh],
  );
  const reset = useCallback(() => seek(0), [seek]);
  const initialAt = useRef(initialAtMs);

  useEffect(() => {
    let live = true;
    import("@/lib/sim/engine")
      .then((m) => {
        if (!live) return;
        engine.current = m;
        seek(initialAt.current);
      })
      .catch((err: Error) => setError(err.message));
    return () => {
      live = false;
    };
  }, [seek]);

  useEffect(() => {
    if (snap && !playing) onTimeChange?.(snap.atMs);
  }, [snap, playing, onTimeChange]);

  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    let last = performance.now();
    const tick = (now: number) => {
      const r = run.current;
      if (!r) return;
      r.advanceTo(r.nowMs + Math.max(1, Math.round(((now - last) / 1000) * speed)));
      last = now;
      refresh();
      if (r.done) setPlaying(false);
      else frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing, speed, refresh]);

  const act = (f: (r: SimRun) => void) => () => {
    if (!run.current) return;
    f(run.current);
    refresh();
  };

  const done = snap?.done ?? false;
  const seconds = (ms: number) => (ms / 1000).toFixed(1);
  const maxLeo = snap ? Math.max(1, ...snap.brokers.map((b) => b.logEndOffset)) : 1;
  const { cluster, producer, consumer } = scenario;

  return (
    <section
      className="sim"
      aria-label={labels.title.replace("{name}", title)}
      data-preset={name}
      onKeyDown={(e) => {
        // Shortcuts while focus is inside the player (not in a form field): space plays or
        // pauses, → steps to the next event.
        if (e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement) return;
        if (e.key === " " && !done) {
          e.preventDefault();
          setPlaying((p) => !p);
        } else if (e.key === "ArrowRight" && !done && !playing) {
          e.preventDefault();
          act((r) => r.step())();
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
      {error && <p className="alert">{labels.error.replace("{message}", error)}</p>}
      {!snap && !error && <p className="meta">{labels.loading}</p>}
      {snap && (
        <>
          <div className="sim-controls">
            {/* aria-disabled rather than disabled: a button that becomes unavailable keeps focus. */}
            <button type="button" className="button" onClick={() => !done && setPlaying((p) => !p)} aria-disabled={done}>
              {playing ? labels.pause : labels.run}
            </button>
            <button type="button" className="button secondary" onClick={act((r) => !r.done && !playing && r.step())} aria-disabled={done || playing}>
              {labels.step}
            </button>
            <button type="button" className="button secondary" onClick={act((r) => !r.done && r.runToEnd())} aria-disabled={done}>
              {labels.toEnd}
            </button>
            <button type="button" className="button secondary" onClick={reset}>
              {labels.reset}
            </button>
            <label className="meta">
              {labels.speed}{" "}
              <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
                {SPEEDS.map((s) => (
                  <option key={s} value={s}>
                    {s / 1000} s / s
                  </option>
                ))}
              </select>
            </label>
          </div>
          <label className="sim-scrub">
            <span className="visually-hidden">{labels.scrub}</span>
            <input
              type="range"
              min={0}
              max={scenario.durationMs}
              step={100}
              value={snap.atMs}
              onChange={(e) => seek(Number(e.target.value))}
              aria-valuetext={labels.time.replace("{s}", seconds(snap.atMs)).replace("{total}", seconds(scenario.durationMs))}
            />
          </label>
          <p className="meta">{labels.shortcuts}</p>
          <div className="sim-timeline" aria-hidden="true">
            <div className="sim-timeline-fill" style={{ width: `${(snap.atMs / scenario.durationMs) * 100}%` }} />
            {scenario.faults.map((f, i) => (
              <span key={i} className="sim-fault-mark" style={{ left: `${(f.atMs / scenario.durationMs) * 100}%` }} title={f.type} />
            ))}
          </div>
          <p className="meta" aria-live="off">
            {labels.time.replace("{s}", seconds(snap.atMs)).replace("{total}", seconds(scenario.durationMs))} ·{" "}
            {snap.partition.leader === null
              ? labels.offline
              : labels.partition
                  .replace("{leader}", String(snap.partition.leader))
                  .replace("{isr}", `[${snap.partition.isr.join(", ")}]`)
                  .replace("{epoch}", String(snap.partition.leaderEpoch))}
          </p>
          <div className="sim-brokers">
            {snap.brokers.map((b) => (
              <BrokerCard
                key={b.id}
                broker={b}
                inIsr={snap.partition.isr.includes(b.id)}
                maxLeo={maxLeo}
                labels={labels}
                onInject={onInjectFault && ((type) => onInjectFault(newFault(type, snap.atMs, b.id)))}
              />
            ))}
          </div>
          <p className="meta">{labels.logLegend}</p>
          <div className="sim-clients">
            <div className="card">
              <h4>{labels.producer}</h4>
              <p>
                {labels.sent} {snap.producer.sent} · {labels.acknowledged} {snap.producer.acknowledged} · {labels.failed} {snap.producer.failed} · {labels.inFlight} {snap.producer.inFlight.length}
              </p>
              {live && Object.keys(live.producer.errors).length > 0 && (
                <p className="meta">
                  {labels.errors}: {Object.entries(live.producer.errors).map(([name, n]) => `${name} ×${n}`).join(", ")}
                </p>
              )}
              {onInjectFault && (
                <InjectButtons
                  at={snap.atMs}
                  inject={onInjectFault}
                  buttons={[
                    ["drop-requests", labels.dropRequests],
                    ["drop-responses", labels.dropResponses],
                  ]}
                />
              )}
            </div>
            <div className="card">
              <h4>{labels.consumer}</h4>
              <p>
                {labels.position} {snap.consumer.position ?? "—"} · {labels.committed} {snap.consumer.committed ?? "—"} · {labels.processed} {snap.consumer.processed}
              </p>
              {live && (
                <p className="meta">
                  {labels.lag} {live.consumer.lag} · {labels.consumerDuplicates} {live.consumer.duplicates} · {labels.consumerMissed} {live.consumer.missed} · {labels.rebalances} {live.consumer.rebalances}
                </p>
              )}
              {onInjectFault && (
                <InjectButtons
                  at={snap.atMs}
                  inject={onInjectFault}
                  buttons={[
                    ["crash-consumer", labels.crashConsumer],
                    ["stall-consumer", labels.stallConsumer],
                  ]}
                />
              )}
            </div>
          </div>
          <p className="visually-hidden" aria-live="polite">
            {announcement}
          </p>
          <h4>{labels.events}</h4>
          <ol className="sim-events">
            {events.length === 0 && <li className="meta">{labels.noEvents}</li>}
            {events.map((e, i) => (
              <li key={`${e.atMs}-${i}`}>
                <span className="meta">{seconds(e.atMs)} s</span> {narrate(e, eventLabels, terms)}
              </li>
            ))}
          </ol>
          <AuditPanel audit={audit} events={run.current?.events ?? []} maxId={scenario.producer.messages} labels={labels} eventLabels={eventLabels} terms={terms} />
        </>
      )}
    </section>
  );
}

/** Buttons that add a fault of a given type at the current moment (see newFault for its defaults). */
function InjectButtons({ at, inject, buttons }: { at: number; inject: (fault: Record<string, unknown>) => void; buttons: [string, string][] }) {
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

function AuditPanel({ audit, events, maxId, labels, eventLabels, terms }: { audit: Audit | null; events: readonly SimEvent[]; maxId: number; labels: Dictionary["sim"]; eventLabels: Dictionary["events"]; terms: Dictionary["terms"] }) {
  const [picked, setPicked] = useState<number | null>(null);
  if (!audit) return <p className="meta">{labels.auditPending}</p>;
  const rows: [string, string, number[]][] = [
    ["lostAcknowledged", labels.lostAcknowledged, audit.messages.lostAcknowledged],
    ["unavailableAcknowledged", labels.unavailableAcknowledged, audit.messages.unavailableAcknowledged],
    ["duplicates", labels.duplicates, audit.messages.duplicates],
    ["outOfOrder", labels.outOfOrder, audit.messages.outOfOrder],
    ["missedByConsumer", labels.consumerMissed, audit.messages.missedByConsumer],
    ["processedTwice", labels.consumerDuplicates, audit.messages.processedTwice],
  ];
  // Until the learner picks one, tell the story of the first message that went wrong.
  const first = rows.find(([, , ids]) => ids.length > 0)?.[2][0] ?? null;
  const shown = picked ?? first;
  return (
    <div className="sim-audit card" role="status">
      <h4>{labels.audit}</h4>
      <table>
        <tbody>
          {rows.map(([key, label, ids]) => (
            <tr key={key}>
              <th scope="row">{label}</th>
              <td>
                <span className={`badge ${ids.length ? "bad" : "ok"}`} data-audit={key}>
                  {ids.length}
                </span>
              </td>
              <td className="sim-ids">
                {ids.slice(0, 8).map((id) => (
                  <button key={id} type="button" className="link-button" aria-pressed={shown === id} onClick={() => setPicked(id)}>
                    #{id}
                  </button>
                ))}
                {ids.length > 8 ? " …" : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <MessageStory key={shown ?? 0} id={shown} onPick={setPicked} events={events} audit={audit} maxId={maxId} labels={labels} eventLabels={eventLabels} terms={terms} />
    </div>
  );
}
