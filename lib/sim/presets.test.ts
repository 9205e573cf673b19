/**
 * The named presets in content/scenarios are part of the scenario contract: lessons and saved
 * links refer to them by file name. Each must parse, run, and show what its name promises.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runScenario, type SimOutput } from "./index";

const dir = join(import.meta.dirname, "../../content/scenarios");
const presets = readdirSync(dir).filter((f) => f.endsWith(".json")).sort();

function run(name: string): SimOutput {
  const r = runScenario(JSON.parse(readFileSync(join(dir, `${name}.json`), "utf8")));
  if (!r.ok) throw new Error(`${name}: ${r.error}`);
  return r.output;
}

describe("content/scenarios presets", () => {
  it("there are presets", () => expect(presets.length).toBeGreaterThanOrEqual(10));

  it.each(presets)("%s parses and runs", (file) => {
    expect(() => run(file.replace(/\.json$/, ""))).not.toThrow();
  });

  it("each preset shows the outcome its name promises", () => {
    expect(run("acks-1-leader-crash").log.lostAcknowledged).toBeGreaterThan(0);
    expect(run("acks-all-leader-crash").log.lostAcknowledged).toBe(0);
    expect(run("acks-all-min-isr-2-leader-crash").log.lostAcknowledged).toBe(0);
    expect(run("unclean-election").log.lostAcknowledged).toBeGreaterThan(0);
    expect(run("clean-election-offline").log.unavailableAcknowledged).toBeGreaterThan(0);
    expect(run("min-isr-rejects-writes").producer.errors.NOT_ENOUGH_REPLICAS).toBeGreaterThan(0);
    expect(run("power-loss-no-flush").log.lostAcknowledged).toBeGreaterThan(0);
    expect(run("power-loss-flush-every-message").log.lostAcknowledged).toBe(0);
    expect(run("retries-duplicate-without-idempotence").log.duplicates).toBeGreaterThan(0);
    expect(run("retries-reorder-pipelined").log.outOfOrder).toBeGreaterThan(0);
    expect(run("consumer-async-processing-crash").consumer.missed).toBeGreaterThan(0);
    expect(run("consumer-commit-before-processing-crash").consumer.missed).toBeGreaterThan(0);
    expect(run("consumer-max-poll-interval-stall").consumer.rebalances).toBe(1);
    const broken = run("case-study-double-11");
    expect(broken.log.lostAcknowledged).toBeGreaterThan(0);
    expect(broken.consumer.rebalances).toBeGreaterThan(0);
    const fixed = run("case-study-fixed");
    expect(fixed.log.lostAcknowledged + fixed.log.duplicates + fixed.consumer.missed + fixed.consumer.rebalances).toBe(0);
  });
});
