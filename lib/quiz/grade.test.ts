import { describe, expect, it } from "vitest";
import { grade } from "./grade";
import { questionSchema, responseSchema, toPublicQuestion, type Question } from "./schema";

const t = (s: string) => ({ en: s, zh: `中${s}` });
const single: Question = { id: "s", type: "single", prompt: t("p"), explanation: t("e"), source: "x", options: [{ id: "a", text: t("A") }, { id: "b", text: t("B") }], answer: "b" };
const multiple: Question = { id: "m", type: "multiple", prompt: t("p"), explanation: t("e"), source: "x", options: ["a", "b", "c", "d"].map((id) => ({ id, text: t(id) })), answer: ["a", "c"] };
const tf: Question = { id: "t", type: "true-false", prompt: t("p"), explanation: t("e"), source: "x", answer: false };

describe("grade", () => {
  it.each([
    [single, { choice: "b" }, true, 1],
    [single, { choice: "a" }, false, 0],
    [multiple, { choices: ["a", "c"] }, true, 1],
    [multiple, { choices: ["c", "a"] }, true, 1],
    [multiple, { choices: ["a"] }, false, 0.5],
    [multiple, { choices: ["a", "b"] }, false, 0],
    [multiple, { choices: ["a", "b", "c", "d"] }, false, 0],
    [multiple, { choices: ["a", "c", "b"] }, false, 0.5],
    [tf, { value: false }, true, 1],
    [tf, { value: true }, false, 0],
  ] as const)("%#: %j → correct=%s score=%s", (q, r, correct, score) => {
    const g = grade(q, r as never);
    expect(g).toMatchObject({ ok: true, correct, score });
  });

  it.each([
    [single, { choices: ["a"] }, /expects \{"choice"/],
    [single, { choice: "z" }, /not an option/],
    [multiple, { choice: "a" }, /expects \{"choices"/],
    [multiple, { choices: [] }, /at least one/],
    [multiple, { choices: ["a", "q"] }, /"q" is not an option/],
    [tf, { choice: "a" }, /true\/false/],
  ] as const)("%#: a response of the wrong shape is an error value", (q, r, message) => {
    const g = grade(q, r as never);
    expect(g.ok).toBe(false);
    if (!g.ok) expect(g.error).toMatch(message);
  });
});

describe("schemas", () => {
  it("rejects an answer that is not an option", () => {
    expect(questionSchema.safeParse({ ...single, answer: "z" }).success).toBe(false);
  });

  it("rejects malformed responses", () => {
    for (const bad of [null, "b", { choice: 1 }, { choices: "a" }, { value: "true" }, { choice: "a", extra: 1 }, { choice: "x".repeat(65) }])
      expect(responseSchema.safeParse(bad).success).toBe(false);
  });

  it("the public view carries no answer, explanation or source", () => {
    for (const q of [single, multiple, tf]) {
      const pub = toPublicQuestion(q, "zh");
      const json = JSON.stringify(pub);
      expect(json).not.toContain("answer");
      expect(json).not.toContain(q.explanation.zh);
      expect(json).not.toContain("source");
      expect(pub.prompt).toBe("中p");
    }
  });
});
