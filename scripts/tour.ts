/**
 * `npm start` (until the web app lands): runs every preset in content/scenarios through the
 * engine and prints, for each, what the producer saw and what the audit found.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { isPresetFile } from "../lib/content/preset-file";
import { runScenario } from "../lib/sim";

const dir = join(import.meta.dirname, "../content/scenarios");
const rows: string[][] = [["scenario", "sent", "acked", "failed", "lost acked", "unavailable", "dup in log", "out of order", "consumer dup", "missed", "rebalances"]];
for (const file of readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
  const json: unknown = JSON.parse(readFileSync(join(dir, file), "utf8"));
  const result = runScenario(isPresetFile(json) ? json.scenario : json);
  if (!result.ok) {
    console.error(`${file}: ${result.error}`);
    process.exitCode = 2;
    continue;
  }
  const { producer: p, log, consumer: c } = result.output;
  rows.push([file.replace(/\.json$/, ""), p.sent, p.acknowledged, p.failed, log.lostAcknowledged, log.unavailableAcknowledged, log.duplicates, log.outOfOrder, c.duplicates, c.missed, c.rebalances].map(String));
}
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
console.log("Lossless: every preset scenario in content/scenarios, simulated (Kafka 4.x defaults unless the preset says otherwise)\n");
for (const [i, row] of rows.entries()) {
  console.log(row.map((cell, j) => (j === 0 ? cell.padEnd(widths[j]!) : cell.padStart(widths[j]!))).join("  "));
  if (i === 0) console.log(widths.map((w) => "-".repeat(w)).join("  "));
}
console.log("\nRun one in full (audit + event log as JSON):  npm run --silent sim -- content/scenarios/acks-1-leader-crash.json");
