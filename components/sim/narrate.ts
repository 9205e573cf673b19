import type { SimEvent } from "@/lib/sim/types";

type EventLabels = Record<string, string>;

const range = (r?: [number, number]) => (r ? (r[0] === r[1] ? `#${r[0]}` : `#${r[0]}–#${r[1]}`) : "");

/** One sentence for an event, in the learner's language, from the dictionary's templates. */
export function narrate(e: SimEvent, labels: EventLabels): string {
  const template = labels[e.type] ?? labels.other!;
  const values: Record<string, string> = {
    type: e.type,
    broker: e.broker !== undefined ? String(e.broker) : "",
    epoch: e.epoch !== undefined ? String(e.epoch) : "",
    isr: e.isr ? `[${e.isr.join(", ")}]` : "",
    messages: range(e.messages),
    replicas: e.replicas ? e.replicas.join(", ") : "",
    error: e.error ?? "",
    reason: e.reason ?? "",
    offset: e.offset !== undefined ? String(e.offset) : "",
    lost: e.lost ? e.lost.map((r) => range(r)).join(", ") : "",
    fault: e.fault ?? "",
    target: e.broker !== undefined ? ` → broker ${e.broker}` : e.reason ? ` (${e.reason})` : "",
    unclean: e.unclean ? labels.unclean! : "",
  };
  return template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? "");
}
