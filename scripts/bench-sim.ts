/**
 * `npm run bench:sim`: wall time, events per second and heap growth of the engine for 10k, 100k
 * and 1M messages (RF 3, acks=all, idempotent producer, a consumer committing after processing).
 * Prints a table; asserts nothing (speed targets are read from its output, not from tests).
 */
import { createRun, parseScenario } from "../lib/sim";

const sizes = (process.argv[2] ?? "10000,100000,1000000").split(",").map(Number);
// The event log is what a player keeps; the audit alone needs none. Both are measured.
const runs: [number, "none" | "all"][] = sizes.flatMap((n) => (n <= 100_000 ? [[n, "none"], [n, "all"]] : [[n, "none"]]) as [number, "none" | "all"][]);
console.log("messages   event-log  sim-time(s)  queue-steps   wall(ms)  steps/s     heap-delta(MB)  committed  lost");
for (const [messages, eventLog] of runs) {
  const parsed = parseScenario({
    durationMs: messages * 2 + 10_000,
    eventLog,
    producer: { messages, intervalMs: 2 },
    consumer: { commit: "sync-after-processing", processingMs: 0 },
  });
  if (!parsed.ok) throw new Error(parsed.error);
  (globalThis as { gc?: () => void }).gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const run = createRun(parsed.scenario);
  run.runToEnd();
  const wallMs = performance.now() - started;
  const heapAfter = process.memoryUsage().heapUsed;
  const audit = run.audit();
  const processed = run.steps;
  console.log(
    [
      String(messages).padEnd(10),
      eventLog.padEnd(9),
      (parsed.scenario.durationMs / 1000).toFixed(0).padStart(11),
      String(processed).padStart(13),
      wallMs.toFixed(0).padStart(9),
      Math.round(processed / (wallMs / 1000)).toString().padStart(10),
      ((heapAfter - heapBefore) / 1048576).toFixed(1).padStart(15),
      String(audit.log.committed).padStart(10),
      String(audit.log.lostAcknowledged).padStart(5),
    ].join("  "),
  );
}
