/**
 * One message's story, from the event log: every event that names it (sent, appended, replicated,
 * acknowledged, failed, deduplicated, truncated, lost with the power) and the leadership changes
 * after it was sent, in order, and where it stands at the end according to the audit.
 */
import type { Audit, SimEvent } from "./types";

export type MessageFate = "lost-acknowledged" | "unavailable-acknowledged" | "failed" | "duplicated" | "out-of-order" | "missed-by-consumer" | "processed-twice" | "ok";

const within = (r: [number, number] | undefined, id: number) => r !== undefined && r[0] <= id && id <= r[1];

/** Leadership changes explain losses that leave no trace on the message itself (a new leader without it). */
const CONTEXT: ReadonlySet<string> = new Set(["leader-elected", "partition-offline"]);

export function messageStory(events: readonly SimEvent[], id: number): SimEvent[] {
  const mentions = (e: SimEvent) => within(e.messages, id) || (e.lost ?? []).some((r) => within(r, id));
  const first = events.findIndex(mentions);
  if (first === -1) return [];
  return events.filter((e, i) => mentions(e) || (i > first && CONTEXT.has(e.type)));
}

/** Everything the audit says about one message (several can apply, e.g. duplicated and processed twice). */
export function messageFates(audit: Audit, id: number): MessageFate[] {
  const m = audit.messages;
  const fates: MessageFate[] = [];
  if (m.lostAcknowledged.includes(id)) fates.push("lost-acknowledged");
  if (m.unavailableAcknowledged.includes(id)) fates.push("unavailable-acknowledged");
  if (m.failed.includes(id)) fates.push("failed");
  if (m.duplicates.includes(id)) fates.push("duplicated");
  if (m.outOfOrder.includes(id)) fates.push("out-of-order");
  if (m.missedByConsumer.includes(id)) fates.push("missed-by-consumer");
  if (m.processedTwice.includes(id)) fates.push("processed-twice");
  return fates.length ? fates : ["ok"];
}
