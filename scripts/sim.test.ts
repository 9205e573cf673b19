/** The CLI contract: exit codes, stdout/stderr discipline and byte-identical output. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const dir = mkdtempSync(join(tmpdir(), "lossless-sim-"));

function sim(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ["--import", "tsx", join(root, "scripts/sim.ts"), ...args], { cwd: root, encoding: "utf8", input });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe("npm run sim", () => {
  it("prints one JSON audit and exits 0; the same input gives byte-identical output", () => {
    const path = join(root, "content/scenarios/acks-1-leader-crash.json");
    const a = sim([path]);
    expect(a.code).toBe(0);
    expect(a.stderr).toBe("");
    expect(a.stdout.trim().split("\n")).toHaveLength(1);
    const out = JSON.parse(a.stdout);
    expect(Object.keys(out)).toEqual(["scenario", "producer", "log", "consumer", "cluster", "messages", "events"]);
    expect(out.scenario.producer).toMatchObject({ acks: "1", enableIdempotence: false, retries: 2147483647 });
    expect(out.log.lostAcknowledged).toBeGreaterThan(0);
    expect(sim([path]).stdout).toBe(a.stdout);
  });

  it("reads the scenario from standard input with -", () => {
    const r = sim(["-"], '{"producer":{"messages":10}}');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).producer.sent).toBe(10);
  });

  it.each([
    ["malformed JSON", file("bad.json", "{ nope"), /is not valid JSON/],
    ["an unknown fault type", file("fault.json", '{"faults":[{"atMs":1,"type":"meteor"}]}'), /faults\.0\.type: unknown fault type/],
    ["an unknown field value", file("acks.json", '{"producer":{"acks":"2"}}'), /producer\.acks/],
    ["replication factor above the broker count", file("rf.json", '{"cluster":{"brokers":2,"replicationFactor":3}}'), /cluster\.replicationFactor/],
    ["idempotence with acks≠all", file("idem.json", '{"producer":{"acks":"1","enableIdempotence":true}}'), /producer\.enableIdempotence/],
    ["a negative time", file("neg.json", '{"faults":[{"atMs":-5,"type":"crash-broker","broker":0}]}'), /faults\.0\.atMs/],
    ["a missing file", join(dir, "missing.json"), /cannot read .*ENOENT/],
  ])("rejects %s with exit code 2, one line on stderr and nothing on stdout", (_name, path, message) => {
    const r = sim([path]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });

  it("explains its usage when called without a file", () => {
    const r = sim([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/usage: npm run --silent sim -- path\/to\/scenario\.json/);
  });

  it("works through npm as the README shows", () => {
    const r = spawnSync("npm", ["run", "--silent", "sim", "--", join(root, "content/scenarios/acks-1-leader-crash.json")], { cwd: root, encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).log.lostAcknowledged).toBeGreaterThan(0);
  });
});
