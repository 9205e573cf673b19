import { describe, expect, it } from "vitest";
import { getDictionary } from "@/lib/i18n";
import { runScenario } from "@/lib/sim";
import { ROUTINE_EVENTS } from "@/lib/sim/types";
import { narrate } from "./narrate";

describe("narrate", () => {
  const out = (() => {
    const r = runScenario({
      producer: { acks: "1" },
      faults: [
        { atMs: 2000, type: "pause-replication", broker: "followers", durationMs: 20_000 },
        { atMs: 5000, type: "crash-broker", broker: "leader", restartAfterMs: 20_000 },
      ],
    });
    if (!r.ok) throw new Error(r.error);
    return r.output;
  })();

  it.each(["en", "zh"] as const)("tells every notable event of a run in %s, with no placeholder or raw reason left", (locale) => {
    const t = getDictionary(locale);
    const notable = out.events.filter((e) => !ROUTINE_EVENTS.has(e.type));
    expect(notable.length).toBeGreaterThan(5);
    for (const e of notable) {
      const text = narrate(e, t.events, t.terms);
      expect(text, e.type).not.toMatch(/\{\w+\}/);
      if (e.reason) expect(text, e.type).not.toContain(`(${e.reason})`);
    }
  });

  it("says which brokers held a message when it was acknowledged", () => {
    const t = getDictionary("en");
    const ack = out.events.find((e) => e.type === "acknowledged" && e.replicas?.length === 1)!;
    expect(narrate(ack, t.events, t.terms)).toMatch(/held by broker\(s\) 0\./);
  });

  it("an acks=0 send is told as unconfirmed, not as held by an empty list of brokers", () => {
    const r = runScenario({ producer: { acks: "0", messages: 5 }, durationMs: 2_000 });
    if (!r.ok) throw new Error(r.error);
    const ack = r.output.events.find((e) => e.type === "acknowledged")!;
    for (const locale of ["en", "zh"] as const) {
      const t = getDictionary(locale);
      const text = narrate(ack, t.events, t.terms);
      expect(text).toContain("acks=0");
      expect(text).not.toMatch(/[:：]\s*[。.]/);
    }
  });
});
