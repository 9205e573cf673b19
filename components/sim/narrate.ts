import type { SimEvent } from "@/lib/sim/types";

type EventLabels = Record<string, string>;
type Terms = Record<string, string>;

/** A machine-readable reason or fault name in the learner's language (unknown ones as they are). */
export function term(value: string, terms: Terms): string {
  return terms[value] ?? value;
}

const range = (r?: [number, number]) => (r ? (r[0] === r[1] ? `#${r[0]}` : `#${r[0]}–#${r[1]}`) : "");

/** One sentence for an event, in the learner's language, from the dictionary's templates. */
export function narrate(e: SimEvent, labels: EventLabels, terms: Terms): string {
  // acks=0: the producer counts a message as sent without any broker having answered.
  const key = e.type === "acknowledged" && (e.replicas ?? []).length === 0 && e.reason === "acks-0" ? "acknowledged-unconfirmed" : e.type;
  const template = labels[key] ?? labels.other!;
  const values: Record<string, string> = {
    type: e.type,
    broker: e.broker !== undefined ? String(e.broker) : "",
    epoch: e.epoch !== undefined ? String(e.epoch) : "",
    isr: e.isr ? `[${e.isr.join(", ")}]` : "",
    messages: range(e.messages),
    replicas: e.replicas ? e.replicas.join(", ") : "",
    error: e.error ?? "",
    reason: e.reason ? term(e.reason, terms) : "",
    offset: e.offset !== undefined ? String(e.offset) : "",
    offsets: e.offsets ? (e.offsets[0] === e.offsets[1] ? String(e.offsets[0]) : `${e.offsets[0]}–${e.offsets[1]}`) : "",
    attempt: e.attempt !== undefined ? String(e.attempt) : "",
    lost: e.lost ? e.lost.map((r) => range(r)).join(", ") : "",
    fault: e.fault ? term(e.fault, terms) : "",
    target: e.broker !== undefined ? ` → ${e.broker}` : e.reason ? ` (${term(e.reason, terms)})` : "",
    unclean: e.unclean ? labels.unclean! : "",
  };
  return template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? "");
}
