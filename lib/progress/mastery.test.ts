import { describe, expect, it } from "vitest";
import { computeMastery, HALF_LIFE_MS } from "./mastery";

const now = new Date("2026-11-28T12:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);
const questions = [
  { id: "a", lesson: "acks", tags: ["acks-1-is-safe-enough"] },
  { id: "b", lesson: "acks", tags: ["acks-1-is-safe-enough", "ack-means-on-disk"] },
  { id: "c", lesson: "isr", tags: ["min-isr-costs-nothing"] },
  { id: "d", lesson: "isr", tags: ["min-isr-costs-nothing"] },
];

describe("mastery", () => {
  it("unanswered questions count 0 in their lesson; answered ones by their value", () => {
    const m = computeMastery([{ questionId: "a", score: 1, certainty: null, createdAt: now }], questions, now);
    expect(m.questions.get("a")).toBe(1);
    expect(m.lessons.get("acks")).toBe(0.5);
    expect(m.lessons.get("isr")).toBe(0);
    expect(m.misconceptions.get("acks-1-is-safe-enough")).toEqual({ mastery: 1, questions: 1 });
    expect(m.misconceptions.has("min-isr-costs-nothing")).toBe(false);
  });

  it("recency: a recent right answer outweighs an old wrong one, and the reverse", () => {
    const improving = computeMastery(
      [
        { questionId: "a", score: 0, certainty: null, createdAt: ago(2 * HALF_LIFE_MS) },
        { questionId: "a", score: 1, certainty: null, createdAt: now },
      ],
      questions,
      now,
    );
    expect(improving.questions.get("a")).toBeCloseTo(0.8);
    const forgetting = computeMastery(
      [
        { questionId: "a", score: 1, certainty: null, createdAt: ago(2 * HALF_LIFE_MS) },
        { questionId: "a", score: 0, certainty: null, createdAt: now },
      ],
      questions,
      now,
    );
    expect(forgetting.questions.get("a")).toBeCloseTo(0.2);
  });

  it("confidence: a sure wrong answer counts 0, a guessed right one less than a sure one", () => {
    const m = computeMastery(
      [
        { questionId: "a", score: 0, certainty: -2, createdAt: now },
        { questionId: "b", score: 1, certainty: 1 / 3, createdAt: now },
        { questionId: "c", score: 1, certainty: 1, createdAt: now },
      ],
      questions,
      now,
    );
    expect(m.questions.get("a")).toBe(0);
    expect(m.questions.get("b")).toBeCloseTo(7 / 9);
    expect(m.questions.get("c")).toBe(1);
    // A misconception averages the answered questions that test it.
    expect(m.misconceptions.get("acks-1-is-safe-enough")!.mastery).toBeCloseTo(7 / 18);
  });
});
