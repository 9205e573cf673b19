/**
 * The named presets in content/scenarios are part of the scenario contract: lessons and saved
 * links refer to them by file name. Each must be a valid preset file, run, and show the outcome
 * its note promises (its `expect` block), checked against the engine's own audit.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runScenario, type SimOutput } from "@/lib/sim";
import { failedChecks } from "@/lib/sim/checks";
import { parsePresetFile } from "./preset-file";
import { SCENARIOS_DIR } from "./paths";

const names = readdirSync(SCENARIOS_DIR)
  .filter((f) => f.endsWith(".json"))
  .map((f) => f.replace(/\.json$/, ""))
  .sort();

function run(scenario: unknown): SimOutput {
  const r = runScenario(scenario);
  if (!r.ok) throw new Error(r.error);
  return r.output;
}

describe("content/scenarios presets", () => {
  it("there are at least 15", () => expect(names.length).toBeGreaterThanOrEqual(15));

  it.each(names)("%s: valid, runs, and shows what it promises", (name) => {
    const preset = parsePresetFile(JSON.parse(readFileSync(join(SCENARIOS_DIR, `${name}.json`), "utf8")), name);
    expect(failedChecks(run(preset.scenario), preset.expect)).toEqual([]);
  });
});

describe("preset expectations", () => {
  const output = run({ producer: { acks: "1" }, faults: [{ atMs: 2000, type: "pause-replication", broker: "followers", durationMs: 20000 }, { atMs: 5000, type: "crash-broker", broker: "leader" }] });

  it("pass and fail on the audit's numbers", () => {
    const lost = output.log.lostAcknowledged;
    expect(lost).toBeGreaterThan(0);
    expect(failedChecks(output, { "log.lostAcknowledged": "> 0", "log.duplicates": "= 0", "consumer.rebalances": "<= 0" })).toEqual([]);
    expect(failedChecks(output, { "log.lostAcknowledged": "= 0" })).toEqual([`log.lostAcknowledged is ${lost}, expected = 0`]);
    expect(failedChecks(output, { "log.lostAcknowledged": `< ${lost}` })).toHaveLength(1);
    expect(failedChecks(output, { "log.lostAcknowledged": `>= ${lost}` })).toEqual([]);
  });

  it("an error that never happened counts as 0; an unknown path is reported", () => {
    expect(failedChecks(output, { "producer.errors.OUT_OF_ORDER_SEQUENCE_NUMBER": "= 0" })).toEqual([]);
    expect(failedChecks(output, { "log.nope": "= 0" })).toEqual(["log.nope is not in the audit"]);
  });

  it("a preset file without a promise, or with a malformed one, is refused with the file named", () => {
    const base = { title: { en: "T", zh: "T" }, note: { en: "N", zh: "N" }, scenario: {} };
    expect(() => parsePresetFile({ ...base, expect: {} }, "x")).toThrow(/content\/scenarios\/x\.json: expect: a preset must promise/);
    expect(() => parsePresetFile({ ...base, expect: { "log.lostAcknowledged": "lots" } }, "x")).toThrow(/expect values look like/);
    expect(() => parsePresetFile({ ...base, title: { en: "T" }, expect: { "log.duplicates": "= 0" } }, "x")).toThrow(/title\.zh/);
  });
});
