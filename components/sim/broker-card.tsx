import type { KeyboardEvent } from "react";
import type { Dictionary } from "@/lib/i18n";
import type { BrokerStrip } from "./player-core";

const BROKER_FAULTS = [
  ["crash-broker", "crash"],
  ["power-loss", "powerOff"],
  ["pause-replication", "pauseReplication"],
  ["isolate-broker", "isolate"],
] as const;

/** Arrow keys move between the records of one strip (one tab stop per strip: roving focus). */
function moveInStrip(e: KeyboardEvent<HTMLOListElement>) {
  if (e.key !== "ArrowDown" && e.key !== "ArrowUp" && e.key !== "Home" && e.key !== "End") return;
  const cells = Array.from(e.currentTarget.querySelectorAll<HTMLButtonElement>("button"));
  const at = cells.indexOf(document.activeElement as HTMLButtonElement);
  if (at === -1) return;
  e.preventDefault();
  e.stopPropagation();
  const next = e.key === "Home" ? 0 : e.key === "End" ? cells.length - 1 : Math.max(0, Math.min(cells.length - 1, at + (e.key === "ArrowDown" ? 1 : -1)));
  cells.forEach((c, i) => (c.tabIndex = i === next ? 0 : -1));
  cells[next]!.focus();
}

/**
 * One broker: its state, ISR membership, an overview bar of the whole log (leader epochs by
 * colour and number, page-cache-only data hatched, HW marked), and a strip of records at the
 * offsets the player is looking at, row-aligned with the other brokers so diverging logs show.
 */
export function BrokerCard({
  broker: b,
  inIsr,
  maxLeo,
  windowFrom,
  windowSize,
  highlightOffsets,
  labels,
  onInject,
  onPick,
}: {
  broker: BrokerStrip;
  inIsr: boolean;
  maxLeo: number;
  windowFrom: number;
  windowSize: number;
  highlightOffsets: number[];
  labels: Dictionary["sim"];
  onInject?: (type: string) => void;
  onPick: (message: number) => void;
}) {
  const pct = (offset: number) => `${(offset / maxLeo) * 100}%`;
  const state = b.process === "crashed" ? labels.crashed : b.process === "powered-off" ? labels.poweredOff : labels.up;
  const role = b.hostsReplica ? (b.role === "leader" ? labels.leader : b.role === "follower" ? labels.follower : "—") : labels.noReplica;
  const hwAbove = b.highWatermark < windowFrom;
  const hwBelow = b.highWatermark > windowFrom + windowSize;
  return (
    <div className={`card sim-broker ${b.role === "leader" ? "is-leader" : ""} is-${b.process}`} data-broker={b.id}>
      <h4>
        {b.role === "leader" && <span aria-hidden="true">★ </span>}
        {labels.broker.replace("{id}", String(b.id))} · {role}
      </h4>
      <p className="sim-badges">
        <span className={`badge ${b.process === "up" ? "ok" : "bad"}`}>
          <span aria-hidden="true">{b.process === "up" ? "● " : b.process === "crashed" ? "✕ " : "⌁ "}</span>
          {state}
        </span>
        {b.isolated && (
          <span className="badge bad">
            <span aria-hidden="true">⊗ </span>
            {labels.isolated}
          </span>
        )}
        {b.replicationPaused && (
          <span className="badge warn">
            <span aria-hidden="true">‖ </span>
            {labels.paused}
          </span>
        )}
        {b.fenced && <span className="badge bad">{labels.fenced}</span>}
        {b.hostsReplica && (
          <span className={`badge ${inIsr ? "ok" : "warn"}`}>
            <span aria-hidden="true">{inIsr ? "✓ " : "− "}</span>
            {inIsr ? labels.inIsr : labels.outOfIsr}
          </span>
        )}
      </p>
      {b.hostsReplica && (
        <>
          <div className="sim-log" role="img" aria-label={`${labels.leo} ${b.logEndOffset}, ${labels.hw} ${b.highWatermark}, ${labels.durable} < ${b.durableOffset}`}>
            {b.segments.map((s, i) => (
              <span key={i} className={`sim-seg epoch-${s.epoch % 5} ${s.durable ? "" : "unflushed"}`} style={{ left: pct(s.from), width: pct(s.to - s.from) }} />
            ))}
            {highlightOffsets.map((o) => (
              <span key={o} className="sim-tick" style={{ left: pct(o) }} />
            ))}
            <span className="sim-window" style={{ left: pct(windowFrom), width: pct(windowSize) }} />
            <span className="sim-hw" style={{ left: pct(b.highWatermark) }} />
          </div>
          <p className="meta sim-offsets">
            {labels.leo} {b.logEndOffset} · {labels.hw} {b.highWatermark} · {labels.epoch.replace("{n}", String(b.leaderEpoch))}
          </p>
          {hwAbove && <p className="sim-strip-note">▲ {labels.hw} {b.highWatermark}</p>}
          <ol className="sim-strip" aria-label={labels.stripLabel.replace("{id}", String(b.id))} onKeyDown={moveInStrip}>
            {b.records.map((r, i) => {
              const offset = windowFrom + i;
              const hw = offset === b.highWatermark;
              const leo = offset === b.logEndOffset;
              if (!r)
                return (
                  <li key={offset} className={`sim-rec empty${hw ? " at-hw" : ""}`}>
                    <span className="sim-rec-off">{offset}</span>
                    {leo && <span className="sim-rec-tag">← {labels.leo}</span>}
                    {hw && <span className="sim-rec-tag hw">{labels.hw}</span>}
                  </li>
                );
              const label = `${labels.recordLabel.replace("{offset}", String(offset)).replace("{id}", String(r.message)).replace("{epoch}", String(r.epoch))}, ${r.durable ? labels.durable : labels.unflushed}${offset >= b.highWatermark ? `, ${labels.aboveHw}` : ""}${r.mark === "highlight" ? `, ${labels.picked}` : r.mark === "reused" ? `, ${labels.reused}` : ""}`;
              return (
                <li key={offset} className={`sim-rec epoch-${r.epoch % 5}${r.durable ? "" : " unflushed"}${hw ? " at-hw" : ""}${offset >= b.highWatermark ? " uncommitted" : ""} mark-${r.mark}`}>
                  <button type="button" tabIndex={i === 0 ? 0 : -1} onClick={() => onPick(r.message)} aria-label={label} title={label}>
                    <span className="sim-rec-off">{offset}</span>
                    <span className="sim-rec-msg">#{r.message}</span>
                    <span className="sim-rec-epoch">e{r.epoch}</span>
                    {r.mark === "highlight" && <span aria-hidden="true">★</span>}
                    {r.mark === "reused" && <span aria-hidden="true">✕</span>}
                  </button>
                  {hw && <span className="sim-rec-tag hw">{labels.hw}</span>}
                </li>
              );
            })}
          </ol>
          {hwBelow && <p className="sim-strip-note">▼ {labels.hw} {b.highWatermark}</p>}
        </>
      )}
      {onInject && (
        <p className="sim-inject" aria-label={labels.injectOn.replace("{id}", String(b.id))} role="group">
          {(b.process === "up" ? BROKER_FAULTS : ([["restart-broker", "restart"]] as const)).map(([type, key]) => (
            <button key={type} type="button" className="button secondary" onClick={() => onInject(type)}>
              {labels[key]}
            </button>
          ))}
        </p>
      )}
    </div>
  );
}
