/**
 * What the browser gets before answering: the prompt and the choices, never the key, a correct
 * flag, the explanation, the rubric or a bucket's condition. Simulation questions come with a
 * plain description of their setup (configuration and faults) so the learner can predict.
 */
import { parseScenario } from "@/lib/sim/scenario";
import type { Question } from "./schema";

type Terms = Record<string, string>;

/** The few words a scenario description needs, in the learner's language. */
export interface SetupWords {
  messages: string; // "{n} messages, one every {ms} ms"
  backAfter: string; // "back after {s}"
  broker: string; // "broker {id}"
  all: string;
}
const ENGLISH: SetupWords = { messages: "{n} messages, one every {ms} ms", backAfter: "back after {s}", broker: "broker {id}", all: "all" };

export interface PublicQuestion {
  id: string;
  type: Question["type"];
  difficulty: 1 | 2 | 3;
  prompt: string;
  options: { id: string; text: string }[];
  unit?: string;
  /** sim-predict and config-fix: the run's setup in words. */
  setup?: { config: string[]; faults: string[] };
  parts?: { id: string; ask: string; buckets: { id: string; text: string }[] }[];
  goal?: string;
  knobs?: { path: string; values: (string | number | boolean)[]; current: string | number | boolean | null }[];
  /** A review variant (lib/quiz/variant.ts): sent back with the answer so it is graded as shown. */
  variant?: number;
  /** The seed a variant's simulation runs with. */
  seed?: number;
}

/** A stable shuffle (by a hash of the ids), so order questions never show the answer order and look the same on reload. */
function shuffled<T extends { id: string }>(items: T[], salt: string): T[] {
  const hash = (s: string) => {
    let h = 2166136261;
    for (const c of s) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
    return h >>> 0;
  };
  const out = [...items].sort((a, b) => hash(salt + a.id) - hash(salt + b.id));
  // Never hand out the right order by chance.
  if (out.every((x, i) => x.id === items[i]!.id)) out.push(out.shift()!);
  return out;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1)} s`;

/** The configuration and faults of a scenario input, in words (terms from the dictionary). */
export function describeScenario(input: Record<string, unknown>, terms: Terms, words: SetupWords = ENGLISH): { config: string[]; faults: string[] } {
  const parsed = parseScenario(input);
  if (!parsed.ok) return { config: [parsed.error], faults: [] };
  const { cluster: c, producer: p, consumer: k, faults } = parsed.scenario;
  const config = [
    `brokers=${c.brokers}, replication.factor=${c.replicationFactor}, min.insync.replicas=${c.minInsyncReplicas}, unclean.leader.election.enable=${c.uncleanLeaderElection}`,
    `acks=${p.acks}, enable.idempotence=${p.enableIdempotence}, retries=${p.retries}, max.in.flight.requests.per.connection=${p.maxInFlight}; ${words.messages.replace("{n}", String(p.messages)).replace("{ms}", String(p.intervalMs))}`,
    k.enabled ? `${terms[k.commit] ?? k.commit}; session.timeout.ms=${k.sessionTimeoutMs}, max.poll.interval.ms=${k.maxPollIntervalMs}` : "—",
  ];
  const target = (b: unknown): string => (typeof b === "number" ? words.broker.replace("{id}", String(b)) : typeof b === "string" ? (terms[b] ?? b) : Array.isArray(b) ? b.map(target).join(", ") : "");
  const described = faults.map((f) => {
    const who = "broker" in f && f.broker !== undefined ? ` (${target(f.broker)})` : f.type === "power-loss" ? ` (${f.brokers === "all" ? words.all : target(f.brokers)})` : "";
    const how = "durationMs" in f ? `, ${seconds(f.durationMs)}` : "restartAfterMs" in f && f.restartAfterMs !== undefined ? `, ${words.backAfter.replace("{s}", seconds(f.restartAfterMs))}` : "";
    return `${seconds(f.atMs)}: ${terms[f.type] ?? f.type}${who}${how}`;
  });
  return { config, faults: [`${seconds(parsed.scenario.durationMs)}`, ...described] };
}

/** What the browser may see of a question; pass `variant` with a question from withVariant(q, variant). */
export function toPublicQuestion(q: Question, locale: "en" | "zh", terms: Terms = {}, words: SetupWords = ENGLISH, variant = 0): PublicQuestion {
  const seed = variant > 0 && q.type === "sim-predict" && "inline" in q.scenario && typeof q.scenario.inline.seed === "number" ? { seed: q.scenario.inline.seed } : {};
  const common = { id: q.id, type: q.type, difficulty: q.difficulty, prompt: q.prompt[locale], options: [] as { id: string; text: string }[], ...(variant > 0 ? { variant, ...seed } : {}) };
  switch (q.type) {
    case "single":
    case "multiple":
      return { ...common, options: q.options.map((o) => ({ id: o.id, text: o.text[locale] })) };
    case "true-false":
    case "explain":
      return common;
    case "numeric":
      return { ...common, ...(q.unit ? { unit: q.unit[locale] } : {}) };
    case "order":
      return { ...common, options: shuffled(q.items, variant > 0 ? `${q.id}:${variant}` : q.id).map((i) => ({ id: i.id, text: i.text[locale] })) };
    case "sim-predict":
      return {
        ...common,
        setup: "inline" in q.scenario ? describeScenario(q.scenario.inline, terms, words) : undefined,
        parts: q.parts.map((p) => ({ id: p.id, ask: p.ask[locale], buckets: p.buckets.map((b) => ({ id: b.id, text: b.text[locale] })) })),
      };
    case "config-fix": {
      const input = "inline" in q.scenario ? q.scenario.inline : {};
      const parsed = parseScenario(input);
      const current = (path: string) => {
        if (!parsed.ok) return null;
        const [section, field] = path.split(".") as [string, string];
        const v = (parsed.scenario as unknown as Record<string, Record<string, unknown>>)[section]?.[field];
        return typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : null;
      };
      return {
        ...common,
        setup: describeScenario(input, terms, words),
        goal: q.goal.text[locale],
        knobs: q.knobs.map((k) => ({ path: k.path, values: k.values, current: current(k.path) })),
      };
    }
  }
}
