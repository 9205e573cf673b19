"use client";
import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import type { Dictionary } from "@/lib/i18n";
import type { Fault } from "@/lib/sim/scenario";
import type { MarkKind, TimelineMark } from "./player-core";
import { term } from "./narrate";

const MARK_ICON: Record<MarkKind, string> = {
  election: "♛",
  unclean: "⚠",
  offline: "⊘",
  loss: "✕",
  "isr-shrink": "−",
  "isr-expand": "+",
  rebalance: "↻",
};

export const seconds = (ms: number) => (ms / 1000).toFixed(1);

/** A fault marker's width and its row height on the track, in CSS pixels (globals.css). */
const MARKER_PX = 44;
const LANE_PX = 38;

/**
 * The row each fault marker sits in, so that no two markers overlap: a marker goes to the first
 * row whose previous marker is at least one marker width to its left. On a phone, faults a few
 * seconds apart would otherwise cover each other and be too small to touch.
 */
export function faultLanes(positionsPx: number[], minGapPx = MARKER_PX): number[] {
  const order = positionsPx.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
  const laneEnds: number[] = [];
  const lanes = new Array<number>(positionsPx.length).fill(0);
  for (const [x, i] of order) {
    let lane = laneEnds.findIndex((end) => x - end >= minGapPx);
    if (lane < 0) lane = laneEnds.length;
    laneEnds[lane] = x;
    lanes[i] = lane;
  }
  return lanes;
}

/**
 * The scrubber and, under it, the run's track: what happened when (elections, losses, ISR
 * changes, rebalances) and the scenario's faults. In the Lab the fault markers can be dragged,
 * or moved with ←/→ (Shift: 1 s) and removed with Delete; the run recomputes from the seed.
 */
export function Timeline({
  atMs,
  durationMs,
  faults,
  marks,
  labels,
  terms,
  onSeek,
  onMoveFault,
  onRemoveFault,
}: {
  atMs: number;
  durationMs: number;
  faults: Fault[];
  marks: TimelineMark[];
  labels: Dictionary["sim"];
  terms: Dictionary["terms"];
  onSeek: (atMs: number) => void;
  onMoveFault?: (index: number, atMs: number) => void;
  onRemoveFault?: (index: number) => void;
}) {
  const track = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<{ index: number; atMs: number } | null>(null);
  const [trackPx, setTrackPx] = useState(0);
  useEffect(() => {
    const el = track.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => setTrackPx(entry?.contentRect.width ?? 0));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const pct = (ms: number) => `${(Math.min(ms, durationMs) / durationMs) * 100}%`;
  const timeAt = (clientX: number) => {
    const rect = track.current!.getBoundingClientRect();
    const ratio = Math.min(1, Math.max(0, (clientX - rect.left) / Math.max(1, rect.width)));
    return Math.round((ratio * durationMs) / 100) * 100;
  };
  const describe = (f: Fault) => `${term(f.type, terms)}${"broker" in f ? ` (${typeof f.broker === "number" ? labels.broker.replace("{id}", String(f.broker)) : term(f.broker, terms)})` : ""}`;
  const editable = onMoveFault !== undefined;
  // Rows are laid out from where the faults are, not where one is being dragged to, so the
  // marker under the pointer does not jump between rows.
  // Before the track is measured (server render) every marker is in the first row.
  const lanes = trackPx > 0 ? faultLanes(faults.map((f) => (Math.min(f.atMs, durationMs) / durationMs) * trackPx)) : faults.map(() => 0);
  const rows = Math.max(0, ...lanes) + 1;

  const onKey = (index: number, f: Fault) => (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key === "ArrowLeft" || e.key === "ArrowRight") {
      e.preventDefault();
      e.stopPropagation();
      const delta = (e.shiftKey ? 1000 : 100) * (e.key === "ArrowLeft" ? -1 : 1);
      onMoveFault?.(index, Math.min(durationMs, Math.max(0, f.atMs + delta)));
    } else if (e.key === "Delete" || e.key === "Backspace") {
      e.preventDefault();
      e.stopPropagation();
      onRemoveFault?.(index);
    }
  };

  return (
    <div className="sim-timeline-block">
      <label className="sim-scrub">
        <span className="visually-hidden">{labels.scrub}</span>
        <input
          type="range"
          min={0}
          max={durationMs}
          step={100}
          value={atMs}
          onChange={(e) => onSeek(Number(e.target.value))}
          aria-valuetext={labels.time.replace("{s}", seconds(atMs)).replace("{total}", seconds(durationMs))}
        />
      </label>
      <div className="sim-track" ref={track} style={{ height: MARKER_PX + (rows - 1) * LANE_PX }}>
        <div className="sim-track-fill" style={{ width: pct(atMs) }} aria-hidden="true" />
        {marks.map((m, i) => (
          <span key={i} className={`sim-mark mark-${m.kind}`} style={{ left: pct(m.atMs) }} title={`${seconds(m.atMs)} s · ${labels.marks[m.kind]}`} aria-hidden="true">
            {MARK_ICON[m.kind]}
          </span>
        ))}
        {faults.map((f, i) => {
          const at = drag?.index === i ? drag.atMs : f.atMs;
          const label = labels.faultMarker.replace("{n}", String(i + 1)).replace("{what}", describe(f)).replace("{s}", seconds(at));
          if (!editable)
            return (
              <span key={i} className="sim-fault-marker" style={{ left: pct(at), top: 10 + (lanes[i] ?? 0) * LANE_PX }} title={label} aria-hidden="true">
                <span className="sim-fault-pin">⚡</span>
              </span>
            );
          return (
            <button
              key={i}
              type="button"
              className={`sim-fault-marker editable${drag?.index === i ? " dragging" : ""}`}
              style={{ left: pct(at), top: 10 + (lanes[i] ?? 0) * LANE_PX }}
              aria-label={`${label}. ${labels.faultMarkerHelp}`}
              title={label}
              onKeyDown={onKey(i, f)}
              onPointerDown={(e: PointerEvent<HTMLButtonElement>) => {
                e.currentTarget.setPointerCapture(e.pointerId);
                setDrag({ index: i, atMs: f.atMs });
              }}
              onPointerMove={(e) => drag?.index === i && setDrag({ index: i, atMs: timeAt(e.clientX) })}
              onPointerUp={(e) => {
                if (drag?.index !== i) return;
                const to = timeAt(e.clientX);
                setDrag(null);
                if (to !== f.atMs) onMoveFault?.(i, to);
              }}
              onPointerCancel={() => setDrag(null)}
            >
              <span className="sim-fault-pin" aria-hidden="true">
                ⚡
              </span>
            </button>
          );
        })}
      </div>
      <p className="meta sim-track-legend" aria-hidden="true">
        {(Object.keys(MARK_ICON) as MarkKind[]).filter((k) => marks.some((m) => m.kind === k)).map((k) => `${MARK_ICON[k]} ${labels.marks[k]}`).concat(faults.length ? [`⚡ ${labels.faults}`] : []).join(" · ")}
      </p>
    </div>
  );
}
