/**
 * Grading, pure and deterministic. grade(question, response) never throws for a well-formed
 * response; a response of the wrong shape for the question is an error value (the endpoint
 * answers 400). Simulation questions run lib/sim: a sim-predict key is the run's own outcome,
 * and a config-fix answer is the learner's configuration run against the question's faults.
 *
 * Scores are in [0, 1]:
 * - single, true-false, numeric, config-fix: all or nothing;
 * - multiple: (right picks − wrong picks) / right answers, floored at 0 (guessing all scores 0);
 * - order: share of item pairs in the right relative order;
 * - sim-predict: share of parts predicted right;
 * - explain: share of the rubric's weight covered; correct from `pass` upwards.
 */
import { failedChecks, outputValue, passes, runScenario, type SimOutput } from "@/lib/sim";
import { explainMatches } from "./explain";
import type { ConfigFixQuestion, Question, QuizResponse, SimPredictQuestion } from "./schema";

export interface PartFeedback {
  id: string;
  correct: boolean;
  /** What the learner gave and what was right (bucket ids, concept ids, check sentences). */
  given?: string;
  expected?: string;
}

/** The audit of a simulated run, as the feedback of a simulation question shows it. */
export interface AuditSummary {
  sent: number;
  acknowledged: number;
  failed: number;
  lostAcknowledged: number;
  duplicates: number;
  outOfOrder: number;
  missed: number;
  processedTwice: number;
  rebalances: number;
  leader: number | null;
}

export type GradeResult =
  | { ok: true; correct: boolean; score: number; answer: unknown; parts?: PartFeedback[]; audit?: AuditSummary; problems?: string[] }
  | { ok: false; error: string };

const outputs = new Map<string, SimOutput>();

/** The question's scenario run to the end (cached: a question's scenario never changes). */
export function simulate(q: SimPredictQuestion | ConfigFixQuestion, settings?: Record<string, unknown>): { ok: true; output: SimOutput } | { ok: false; error: string } {
  if (!("inline" in q.scenario)) return { ok: false, error: `question ${q.id}: its preset was not resolved` };
  // A review variant is the same question with another seed: the seed is part of the key.
  const key = `${q.id}\u0000${String(q.scenario.inline.seed ?? "")}\u0000${JSON.stringify(settings ?? {})}`;
  const hit = outputs.get(key);
  if (hit) return { ok: true, output: hit };
  const input = settings ? withSettings(q.scenario.inline, settings) : q.scenario.inline;
  const r = runScenario({ ...input, eventLog: "none" });
  if (!r.ok) return r;
  // Grading reads counts only: the cache keeps the output without its per-message id lists.
  const m = r.output.messages;
  const output = { ...r.output, messages: Object.fromEntries(Object.keys(m).map((k) => [k, []])) as unknown as SimOutput["messages"] };
  if (outputs.size > 2000) outputs.clear();
  outputs.set(key, output);
  return { ok: true, output };
}

/** A copy of a scenario input with settings such as {"producer.acks": "all"} applied. */
export function withSettings(input: Record<string, unknown>, settings: Record<string, unknown>): Record<string, unknown> {
  const out = structuredClone(input);
  for (const [path, value] of Object.entries(settings)) {
    const [section, field] = path.split(".") as [string, string];
    const current = out[section];
    out[section] = { ...(typeof current === "object" && current !== null ? current : {}), [field]: value };
  }
  return out;
}

export function summarise(o: SimOutput): AuditSummary {
  return {
    sent: o.producer.sent,
    acknowledged: o.producer.acknowledged,
    failed: o.producer.failed,
    lostAcknowledged: o.log.lostAcknowledged,
    duplicates: o.log.duplicates,
    outOfOrder: o.log.outOfOrder,
    missed: o.consumer.missed,
    processedTwice: o.consumer.duplicates,
    rebalances: o.consumer.rebalances,
    leader: o.cluster.leader,
  };
}

/** The right bucket of each part of a sim-predict question, computed from the run. */
export function simPredictKey(q: SimPredictQuestion): { ok: true; key: Record<string, string>; output: SimOutput } | { ok: false; error: string } {
  const r = simulate(q);
  if (!r.ok) return r;
  const key: Record<string, string> = {};
  for (const part of q.parts) {
    const value = outputValue(r.output, part.metric);
    if (value === undefined) return { ok: false, error: `question ${q.id}: ${part.metric} is not in the audit` };
    const matching = part.buckets.filter((b) => passes(value, b.when));
    if (matching.length !== 1) return { ok: false, error: `question ${q.id}, part ${part.id}: ${part.metric} is ${value ?? "none"}, which ${matching.length === 0 ? "no bucket covers" : `${matching.length} buckets cover`}` };
    key[part.id] = matching[0]!.id;
  }
  return { ok: true, key, output: r.output };
}

/** The correct response for the simple types (what the feedback reveals). */
export function answerKey(q: Question): unknown {
  switch (q.type) {
    case "single":
      return [q.answer];
    case "multiple":
      return [...q.answer];
    case "true-false":
    case "numeric":
      return q.answer;
    case "order":
      return q.items.map((i) => i.id);
    case "sim-predict": {
      const k = simPredictKey(q);
      return k.ok ? k.key : null;
    }
    case "config-fix":
      return q.solution;
    case "explain":
      return q.rubric.map((r) => r.id);
  }
}

const wrongShape = (expected: string): GradeResult => ({ ok: false, error: `this question expects ${expected}` });

export function grade(q: Question, r: QuizResponse, locale: "en" | "zh" = "en"): GradeResult {
  switch (q.type) {
    case "single": {
      if (!("choice" in r)) return wrongShape('{"choice": "<option id>"}');
      if (!q.options.some((o) => o.id === r.choice)) return { ok: false, error: `"${r.choice}" is not an option of this question` };
      const correct = r.choice === q.answer;
      return { ok: true, correct, score: correct ? 1 : 0, answer: answerKey(q) };
    }
    case "multiple": {
      if (!("choices" in r)) return wrongShape('{"choices": ["<option id>", …]}');
      const picked = new Set(r.choices);
      for (const c of picked) if (!q.options.some((o) => o.id === c)) return { ok: false, error: `"${c}" is not an option of this question` };
      if (picked.size === 0) return { ok: false, error: "choose at least one option" };
      const right = new Set(q.answer);
      let hits = 0;
      let misses = 0;
      for (const c of picked) if (right.has(c)) hits++;
      else misses++;
      return { ok: true, correct: hits === right.size && misses === 0, score: Math.max(0, (hits - misses) / right.size), answer: answerKey(q) };
    }
    case "true-false": {
      if (!("value" in r)) return wrongShape('{"value": true|false}');
      const correct = r.value === q.answer;
      return { ok: true, correct, score: correct ? 1 : 0, answer: answerKey(q) };
    }
    case "numeric": {
      if (!("number" in r)) return wrongShape('{"number": <a number>}');
      const correct = Math.abs(r.number - q.answer) <= q.tolerance;
      return { ok: true, correct, score: correct ? 1 : 0, answer: answerKey(q) };
    }
    case "order": {
      if (!("order" in r)) return wrongShape('{"order": ["<item id>", …]} with every item once');
      const ids = q.items.map((i) => i.id);
      if (r.order.length !== ids.length || new Set(r.order).size !== ids.length || r.order.some((id) => !ids.includes(id)))
        return { ok: false, error: `the order must list each of ${ids.length} items exactly once` };
      // Kendall-style: the share of pairs the learner put in the right relative order.
      let right = 0;
      let pairs = 0;
      for (let i = 0; i < ids.length; i++)
        for (let j = i + 1; j < ids.length; j++) {
          pairs++;
          if (r.order.indexOf(ids[i]!) < r.order.indexOf(ids[j]!)) right++;
        }
      const correct = right === pairs;
      return { ok: true, correct, score: right / pairs, answer: answerKey(q), parts: ids.map((id, i) => ({ id, correct: r.order[i] === id, given: r.order[i], expected: id })) };
    }
    case "sim-predict": {
      if (!("predictions" in r)) return wrongShape('{"predictions": {"<part id>": "<bucket id>", …}}');
      for (const part of q.parts) {
        const given = r.predictions[part.id];
        if (given === undefined) return { ok: false, error: `predict part "${part.id}"` };
        if (!part.buckets.some((b) => b.id === given)) return { ok: false, error: `"${given}" is not a choice of part "${part.id}"` };
      }
      for (const id of Object.keys(r.predictions)) if (!q.parts.some((p) => p.id === id)) return { ok: false, error: `this question has no part "${id}"` };
      const k = simPredictKey(q);
      if (!k.ok) return { ok: false, error: k.error };
      const parts = q.parts.map((p) => ({ id: p.id, correct: r.predictions[p.id] === k.key[p.id], given: r.predictions[p.id], expected: k.key[p.id] }));
      const right = parts.filter((p) => p.correct).length;
      return { ok: true, correct: right === parts.length, score: right / parts.length, answer: k.key, parts, audit: summarise(k.output) };
    }
    case "config-fix": {
      if (!("settings" in r)) return wrongShape('{"settings": {"<knob path>": <value>, …}}');
      for (const [path, value] of Object.entries(r.settings)) {
        const knob = q.knobs.find((k) => k.path === path);
        if (!knob) return { ok: false, error: `"${path}" is not a setting this question lets you change` };
        if (!knob.values.includes(value)) return { ok: false, error: `${path} cannot be ${JSON.stringify(value)} here; choose one of ${knob.values.map((v) => JSON.stringify(v)).join(", ")}` };
      }
      const run = simulate(q, r.settings);
      // A combination Kafka refuses (e.g. idempotence with acks=1) is a wrong answer, explained.
      if (!run.ok) return { ok: true, correct: false, score: 0, answer: answerKey(q), problems: [run.error] };
      const problems = failedChecks(run.output, q.goal.checks);
      return { ok: true, correct: problems.length === 0, score: problems.length === 0 ? 1 : 0, answer: answerKey(q), problems, audit: summarise(run.output) };
    }
    case "explain": {
      if (!("text" in r)) return wrongShape('{"text": "<your answer>"}');
      if (r.text.trim().length < 20) return { ok: false, error: "write at least a sentence or two (20 characters)" };
      const matched = explainMatches(q, r.text, locale);
      const total = q.rubric.reduce((s, c) => s + c.weight, 0);
      const got = q.rubric.filter((c) => matched.has(c.id)).reduce((s, c) => s + c.weight, 0);
      const score = got / total;
      return { ok: true, correct: score >= q.pass, score, answer: answerKey(q), parts: q.rubric.map((c) => ({ id: c.id, correct: matched.has(c.id) })) };
    }
  }
}
