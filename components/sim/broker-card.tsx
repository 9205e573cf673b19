import type { Dictionary } from "@/lib/i18n";
import type { BatchView, BrokerView } from "@/lib/sim/types";

interface Segment {
  from: number;
  to: number;
  epoch: number;
  durable: boolean;
}

/** Consecutive batches with the same epoch and durability, drawn as one bar segment. */
function segments(log: BatchView[]): Segment[] {
  const out: Segment[] = [];
  for (const b of log) {
    const last = out[out.length - 1];
    if (last && last.epoch === b.epoch && last.durable === b.durable && last.to === b.baseOffset) last.to = b.lastOffset + 1;
    else out.push({ from: b.baseOffset, to: b.lastOffset + 1, epoch: b.epoch, durable: b.durable });
  }
  return out;
}

export function BrokerCard({ broker: b, inIsr, maxLeo, labels, onInject }: { broker: BrokerView; inIsr: boolean; maxLeo: number; labels: Dictionary["sim"]; onInject?: (type: string) => void }) {
  const pct = (offset: number) => `${(offset / maxLeo) * 100}%`;
  const state = b.process === "crashed" ? labels.crashed : b.process === "powered-off" ? labels.poweredOff : labels.up;
  return (
    <div className={`card sim-broker ${b.role === "leader" ? "is-leader" : ""}`} data-broker={b.id}>
      <h4>
        {labels.broker.replace("{id}", String(b.id))} ·{" "}
        {b.hostsReplica ? (b.role === "leader" ? labels.leader : b.role === "follower" ? labels.follower : "—") : labels.noReplica}
      </h4>
      <p className="sim-badges">
        <span className={`badge ${b.process === "up" ? "ok" : "bad"}`}>{state}</span>
        {b.isolated && <span className="badge bad">{labels.isolated}</span>}
        {b.replicationPaused && <span className="badge warn">{labels.paused}</span>}
        {b.fenced && <span className="badge bad">{labels.fenced}</span>}
        {b.hostsReplica && <span className={`badge ${inIsr ? "ok" : "warn"}`}>{inIsr ? labels.inIsr : labels.outOfIsr}</span>}
      </p>
      {b.hostsReplica && (
        <>
          <div className="sim-log" role="img" aria-label={`${labels.leo} ${b.logEndOffset}, ${labels.hw} ${b.highWatermark}`}>
            {segments(b.log).map((s, i) => (
              <span
                key={i}
                className={`sim-seg epoch-${s.epoch % 5} ${s.durable ? "" : "unflushed"}`}
                style={{ left: pct(s.from), width: pct(s.to - s.from) }}
                title={`${s.from}–${s.to - 1} · ${labels.epoch.replace("{n}", String(s.epoch))} · ${s.durable ? labels.durable : labels.unflushed}`}
              />
            ))}
            <span className="sim-hw" style={{ left: pct(b.highWatermark) }} />
          </div>
          <p className="meta">
            {labels.leo} {b.logEndOffset} · {labels.hw} {b.highWatermark} · {labels.epoch.replace("{n}", String(b.leaderEpoch))}
          </p>
        </>
      )}
      {onInject && (
        <p className="sim-inject" aria-label={labels.injectOn.replace("{id}", String(b.id))} role="group">
          {(b.process === "up"
            ? ([
                ["crash-broker", labels.crash],
                ["power-loss", labels.powerOff],
                ["pause-replication", labels.pauseReplication],
                ["isolate-broker", labels.isolate],
              ] as const)
            : ([["restart-broker", labels.restart]] as const)
          ).map(([type, label]) => (
            <button key={type} type="button" className="button secondary" onClick={() => onInject(type)}>
              {label}
            </button>
          ))}
        </p>
      )}
    </div>
  );
}
