import { describe, expect, it } from "vitest";
import { runScenario } from "./index";
import { messageFates, messageStory } from "./story";

describe("a message's story", () => {
  const r = runScenario({
    producer: { acks: "1" },
    faults: [
      { atMs: 2000, type: "pause-replication", broker: "followers", durationMs: 5000 },
      { atMs: 4000, type: "crash-broker", broker: "leader", restartAfterMs: 15_000 },
    ],
  });
  if (!r.ok) throw new Error(r.error);
  const out = r.output;
  const auditLike = { ...out, messages: out.messages };

  it("tells how an acknowledged message was lost: sent, appended on the leader alone, acknowledged, truncated", () => {
    const id = out.messages.lostAcknowledged[0]!;
    const story = messageStory(out.events, id);
    expect(story.map((e) => e.type)).toEqual(expect.arrayContaining(["produce-request", "appended", "acknowledged", "truncated"]));
    expect(story.find((e) => e.type === "acknowledged")?.replicas).toEqual([0]);
    expect(story.find((e) => e.type === "truncated")?.broker).toBe(0);
    // The election of a leader without it is part of the story.
    expect(story.find((e) => e.type === "leader-elected")?.broker).toBe(1);
    for (let i = 1; i < story.length; i++) expect(story[i]!.atMs).toBeGreaterThanOrEqual(story[i - 1]!.atMs);
    expect(messageFates(auditLike, id)).toEqual(["lost-acknowledged"]);
  });

  it("a message nothing happened to is ok, and replicated everywhere", () => {
    const story = messageStory(out.events, 1);
    expect(story.filter((e) => e.type === "replicated").map((e) => e.broker).sort()).toEqual([1, 2]);
    expect(messageFates(auditLike, 1)).toEqual(["ok"]);
  });
});
