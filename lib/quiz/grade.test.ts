import { describe, expect, it } from "vitest";
import { certaintyMark } from "./confidence";
import { normalise } from "./explain";
import { grade } from "./grade";
import { questionProblems } from "./consistency";
import { toPublicQuestion } from "./public";
import { questionSchema, responseSchema, type Question, type QuestionInput, type SimPredictQuestion } from "./schema";

const t = (s: string) => ({ en: s, zh: `中${s}` });
const base = { prompt: t("p"), explanation: t("e"), source: "x", difficulty: 2 as const, tags: ["m"] };
const q = (input: QuestionInput): Question => questionSchema.parse(input);

const acks1 = {
  producer: { acks: "1" },
  faults: [
    { atMs: 2000, type: "pause-replication", broker: "followers", durationMs: 20000 },
    { atMs: 5000, type: "crash-broker", broker: "leader" },
  ],
};

const single = q({ ...base, id: "s", type: "single", options: [{ id: "a", text: t("A") }, { id: "b", text: t("B") }], answer: "b" });
const multiple = q({ ...base, id: "m", type: "multiple", options: ["a", "b", "c", "d"].map((id) => ({ id, text: t(id) })), answer: ["a", "c"] });
const tf = q({ ...base, id: "t", type: "true-false", answer: false });
const numeric = q({ ...base, id: "n", type: "numeric", answer: 45, tolerance: 1, unit: t("s") });
const order = q({ ...base, id: "o", type: "order", items: ["w", "x", "y", "z"].map((id) => ({ id, text: t(id) })) });
const predict = q({
  ...base,
  id: "sp",
  type: "sim-predict",
  scenario: { inline: acks1 },
  parts: [
    { id: "lost", ask: t("lost?"), metric: "log.lostAcknowledged", buckets: [{ id: "none", text: t("none"), when: "= 0" }, { id: "some", text: t("some"), when: "> 0" }] },
    { id: "leader", ask: t("leader?"), metric: "cluster.leader", buckets: [{ id: "b0", text: t("0"), when: "= 0" }, { id: "other", text: t("1 or 2"), when: ">= 1" }, { id: "nobody", text: t("none"), when: "none" }] },
  ],
}) as SimPredictQuestion;
const fix = q({
  ...base,
  id: "cf",
  type: "config-fix",
  scenario: { inline: acks1 },
  goal: { text: t("no loss"), checks: { "log.lostAcknowledged": "= 0", "producer.acknowledged": "> 100" } },
  knobs: [
    { path: "producer.acks", values: ["0", "1", "all"] },
    { path: "producer.enableIdempotence", values: [true, false] },
  ],
  solution: { "producer.acks": "all" },
  counterexample: { "producer.acks": "1" },
});
const explain = q({
  ...base,
  id: "ex",
  type: "explain",
  rubric: [
    { id: "isr", concept: t("ISR"), phrases: { en: ["in-sync replicas", "isr"], zh: ["同步副本"] } },
    { id: "minisr", concept: t("min ISR"), phrases: { en: ["min.insync.replicas"], zh: ["最小同步副本"] } },
    { id: "cache", concept: t("page cache"), weight: 2, phrases: { en: ["page cache"], zh: ["页缓存"] } },
  ],
  model: { en: "acks=all waits for the ISR; set min.insync.replicas=2; an ack is the page cache, not disk.", zh: "acks=all 等 ISR（同步副本），配合 min.insync.replicas=2；确认只代表页缓存。" },
});

describe("grade: every type, right, wrong and partial", () => {
  it.each([
    ["single right", single, { choice: "b" }, true, 1],
    ["single wrong", single, { choice: "a" }, false, 0],
    ["multiple right in any order", multiple, { choices: ["c", "a"] }, true, 1],
    ["multiple half", multiple, { choices: ["a"] }, false, 0.5],
    ["multiple a wrong pick cancels a right one", multiple, { choices: ["a", "b"] }, false, 0],
    ["multiple everything scores nothing", multiple, { choices: ["a", "b", "c", "d"] }, false, 0],
    ["true-false right", tf, { value: false }, true, 1],
    ["true-false wrong", tf, { value: true }, false, 0],
    ["numeric exact", numeric, { number: 45 }, true, 1],
    ["numeric within tolerance", numeric, { number: 44 }, true, 1],
    ["numeric outside tolerance", numeric, { number: 10 }, false, 0],
    ["order right", order, { order: ["w", "x", "y", "z"] }, true, 1],
    ["order one swap", order, { order: ["x", "w", "y", "z"] }, false, 5 / 6],
    ["order reversed", order, { order: ["z", "y", "x", "w"] }, false, 0],
    ["sim-predict both parts", predict, { predictions: { lost: "some", leader: "other" } }, true, 1],
    ["sim-predict one part", predict, { predictions: { lost: "none", leader: "other" } }, false, 0.5],
    ["config-fix solution", fix, { settings: { "producer.acks": "all" } }, true, 1],
    ["config-fix another correct configuration", fix, { settings: { "producer.acks": "all", "producer.enableIdempotence": false } }, true, 1],
    ["config-fix the broken setting", fix, { settings: { "producer.acks": "1" } }, false, 0],
    ["config-fix a combination Kafka refuses", fix, { settings: { "producer.acks": "1", "producer.enableIdempotence": true } }, false, 0],
    ["explain everything", explain, { text: "It waits for the ISR, so use min.insync.replicas = 2, and remember the PAGE CACHE." }, true, 1],
    ["explain in Chinese with English config names", explain, { text: "要等同步副本，还要配 min.insync.replicas，确认只代表页缓存。" }, true, 1],
    ["explain half", explain, { text: "It is about the page cache, mostly, and nothing else at all." }, false, 0.5],
    ["explain nothing", explain, { text: "I would rather not say anything about it." }, false, 0],
  ] as const)("%s", (_name, question, response, correct, score) => {
    const g = grade(question, response as never);
    expect(g.ok && { correct: g.correct, score: Number(g.score.toFixed(4)) }).toEqual({ correct, score: Number(score.toFixed(4)) });
  });

  it("simulation answers come with the audit; config-fix says which goal check failed", () => {
    const p = grade(predict, { predictions: { lost: "some", leader: "other" } });
    expect(p.ok && p.audit!.lostAcknowledged).toBeGreaterThan(0);
    expect(p.ok && p.parts).toEqual([
      { id: "lost", correct: true, given: "some", expected: "some" },
      { id: "leader", correct: true, given: "other", expected: "other" },
    ]);
    const f = grade(fix, { settings: { "producer.acks": "1" } });
    expect(f.ok && f.problems![0]).toMatch(/^log\.lostAcknowledged is \d+, expected = 0$/);
    const refused = grade(fix, { settings: { "producer.acks": "1", "producer.enableIdempotence": true } });
    expect(refused.ok && refused.problems![0]).toMatch(/enableIdempotence/);
  });

  it("explain feedback names the concepts covered", () => {
    const g = grade(explain, { text: "It is about the page cache, mostly, and nothing else at all." });
    expect(g.ok && g.parts).toEqual([
      { id: "isr", correct: false },
      { id: "minisr", correct: false },
      { id: "cache", correct: true },
    ]);
  });

  it.each([
    [single, { choices: ["a"] }, /expects \{"choice"/],
    [single, { choice: "z" }, /not an option/],
    [multiple, { choices: [] }, /at least one/],
    [multiple, { choices: ["a", "q"] }, /"q" is not an option/],
    [tf, { choice: "a" }, /true\|false/],
    [numeric, { value: true }, /"number"/],
    [order, { order: ["w", "x", "y"] }, /each of 4 items exactly once/],
    [order, { order: ["w", "w", "y", "z"] }, /exactly once/],
    [predict, { predictions: { lost: "some" } }, /predict part "leader"/],
    [predict, { predictions: { lost: "lots", leader: "b0" } }, /"lots" is not a choice/],
    [predict, { predictions: { lost: "some", leader: "b0", extra: "x" } }, /no part "extra"/],
    [fix, { settings: { "cluster.brokers": 5 } }, /not a setting this question lets you change/],
    [fix, { settings: { "producer.acks": "2" } }, /cannot be "2"/],
    [explain, { text: "short" }, /at least a sentence/],
    [explain, { choice: "a" }, /"text"/],
  ] as const)("%#: a malformed response is an error value, not a wrong answer", (question, r, message) => {
    const g = grade(question, r as never);
    expect(g.ok).toBe(false);
    if (!g.ok) expect(g.error).toMatch(message);
  });
});

describe("certainty-based marking", () => {
  it.each([
    [1, "high", 1],
    [1, "medium", 2 / 3],
    [1, "low", 1 / 3],
    [0, "low", 0],
    [0, "medium", -2 / 3],
    [0, "high", -2],
    [0.5, "high", (0.5 * 3 - 0.5 * 6) / 3],
  ] as const)("score %s at %s confidence → %s", (score, confidence, mark) => expect(certaintyMark(score, confidence)).toBeCloseTo(mark));
  it("no confidence, no mark", () => expect(certaintyMark(1, undefined)).toBeNull());
});

describe("schemas and consistency", () => {
  it("rejects answers, knobs and buckets that do not fit the question", () => {
    expect(questionSchema.safeParse({ ...single, answer: "z" }).success).toBe(false);
    expect(questionSchema.safeParse({ ...fix, solution: { "producer.retries": 0 } }).success).toBe(false);
    expect(questionSchema.safeParse({ ...fix, solution: { "producer.acks": "2" } }).success).toBe(false);
    expect(questionSchema.safeParse({ ...predict, parts: [{ ...predict.parts[0], buckets: [{ id: "x", text: t("x"), when: "about 5" }, { id: "y", text: t("y"), when: "> 5" }] }] }).success).toBe(false);
    expect(questionSchema.safeParse({ ...single, tags: [] }).success).toBe(false);
  });

  it("rejects malformed responses", () => {
    for (const bad of [null, "b", { choice: 1 }, { choices: "a" }, { value: "true" }, { choice: "a", extra: 1 }, { choice: "x".repeat(65) }, { number: "1" }, { text: "x".repeat(4001) }, { settings: { a: { nested: 1 } } }])
      expect(responseSchema.safeParse(bad).success).toBe(false);
  });

  it("a sound question has no problems; broken ones are named", () => {
    for (const good of [single, predict, fix, explain]) expect(questionProblems(good)).toEqual([]);
    const gap = { ...predict, parts: [{ ...predict.parts[0]!, buckets: [{ id: "none", text: t("none"), when: "= 0" }, { id: "few", text: t("few"), when: "< 3" }] }] } as Question;
    expect(questionProblems(gap)[0]).toMatch(/no bucket covers/);
    const trivial = { ...fix, goal: { text: t("x"), checks: { "producer.sent": "> 0" } } } as Question;
    expect(questionProblems(trivial)).toContain("the setup already meets the goal, so there is nothing to fix");
    const weakModel = { ...explain, model: t("I would not know, honestly, not at all.") } as Question;
    expect(questionProblems(weakModel)).toHaveLength(2);
  });

  it("normalisation ignores case, spaces, punctuation and full-width forms", () => {
    expect(normalise("ACKS = all")).toBe(normalise("acks=all"));
    expect(normalise("ａｃｋｓ＝ａｌｌ")).toBe("acksall");
  });

  it("the public view carries no key, explanation, source, rubric, bucket condition or solution", () => {
    for (const question of [single, multiple, tf, numeric, order, predict, fix, explain]) {
      const pub = toPublicQuestion(question, "zh");
      const json = JSON.stringify(pub);
      for (const leak of ['"answer"', question.explanation.zh, '"source"', '"when"', '"rubric"', '"solution"', '"counterexample"', '"model"', '"checks"', '"phrases"']) expect(json, `${question.id}: ${leak}`).not.toContain(leak);
      expect(pub.prompt).toBe("中p");
    }
    // Order items are shuffled, never in the answer order.
    expect(toPublicQuestion(order, "en").options.map((o) => o.id)).not.toEqual(["w", "x", "y", "z"]);
  });
});
