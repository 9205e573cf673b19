import "server-only";
import { EventEmitter } from "node:events";

/**
 * How live events reach the connected screens. This process's subscribers are told directly;
 * the interface is what a multi-process deployment would back with PostgreSQL LISTEN/NOTIFY or
 * Redis pub/sub (decision 013). Events carry no data: subscribers re-read the state from the
 * database, which is the source of truth and survives restarts.
 *
 * "answers" events are coalesced per session (at most one per ANSWER_COALESCE_MS), so a room of
 * hundreds answering at once does not redraw the host screen hundreds of times.
 */
export type Channel = "phase" | "answers";
export const ANSWER_COALESCE_MS = 100;

const g = globalThis as unknown as { __losslessLiveBus?: { emitter: EventEmitter; pending: Map<string, NodeJS.Timeout> } };
const bus = (g.__losslessLiveBus ??= { emitter: new EventEmitter().setMaxListeners(0), pending: new Map() });

export function publish(sessionId: string, channel: Channel): void {
  if (channel === "phase") {
    bus.emitter.emit(`${sessionId}:phase`);
    return;
  }
  if (bus.pending.has(sessionId)) return;
  bus.pending.set(
    sessionId,
    setTimeout(() => {
      bus.pending.delete(sessionId);
      bus.emitter.emit(`${sessionId}:answers`);
    }, ANSWER_COALESCE_MS),
  );
}

export function subscribe(sessionId: string, channels: Channel[], listener: () => void): () => void {
  for (const c of channels) bus.emitter.on(`${sessionId}:${c}`, listener);
  return () => {
    for (const c of channels) bus.emitter.off(`${sessionId}:${c}`, listener);
  };
}
