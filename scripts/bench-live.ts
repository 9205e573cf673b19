/**
 * `npm run bench:live [-- N]`: a live session under load. Starts the app (production build,
 * throwaway database), signs in an instructor, opens a session with one question, lets N
 * simulated learners join (POST) and follow the session (SSE), starts the question, and has every
 * learner answer within two seconds. Prints join time, answer latency p50/p95/p99, the time until
 * the host's own SSE feed shows every answer, and whether every answer was counted once. A
 * 30-learner session runs first to warm the fresh server up (its figures are printed too).
 * Target (issue 9): N = 300, answer p95 < 200 ms, all counted. Asserts nothing.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import { startApp } from "./app-server";
import { pct } from "./percentile";
import { cookieOf, signInInstructor, singleChoiceQuestions } from "./process/helpers";

const N = Number(process.argv[2] ?? process.env.LEARNERS ?? 300);
const WARMUP = 30;
const PASSWORD = "bench password long enough";
const ms = (n: number) => `${n.toFixed(1)} ms`;

/** Reads an SSE response, calling `onView` with each data message. */
async function follow(res: Response, onView: (view: Record<string, unknown>) => void, signal: AbortSignal) {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  try {
    while (!signal.aborted) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = event.split("\n").find((l) => l.startsWith("data: "));
        if (data) onView(JSON.parse(data.slice(6)) as Record<string, unknown>);
      }
    }
  } catch {
    // aborted at the end
  }
}

/** One live session with `n` learners, measured; returns the lines to print. */
async function runSession(base: string, host: string, questionId: string, n: number, stop: AbortController): Promise<string[]> {
  const lines: string[] = [];
  const created = await fetch(`${base}/api/live`, { method: "POST", headers: { "content-type": "application/json", cookie: host }, body: JSON.stringify({ title: "bench", questionIds: [questionId], secondsPerItem: 120, leaderboard: "speed" }) });
  const session = (await created.json()) as { id: string; code: string; error?: string };
  if (!created.ok) throw new Error(`could not create the session: ${session.error}`);

  let hostAnswered = 0;
  let hostJoined = 0;
  let allAnsweredAt = 0;
  let options: string[] = [];
  const hostFeed = await fetch(`${base}/api/live/${session.id}/events`, { headers: { cookie: host }, signal: stop.signal });
  void follow(
    hostFeed,
    (v) => {
      hostJoined = v.participants as number;
      hostAnswered = v.answered as number;
      const q = v.question as { options: { id: string }[] } | null;
      if (q) options = q.options.map((o) => o.id);
      if (hostAnswered === n && !allAnsweredAt) allAnsweredAt = performance.now();
    },
    stop.signal,
  );

  // Join: n learners in parallel, each keeping its cookie.
  const joinTimes: number[] = [];
  const t0 = performance.now();
  const learners = await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const start = performance.now();
      const res = await fetch(`${base}/api/live/join`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code: session.code, nickname: `learner-${i}` }) });
      joinTimes.push(performance.now() - start);
      if (!res.ok) throw new Error(`join ${i}: ${res.status} ${await res.text()}`);
      return { cookie: cookieOf(res), phase: "lobby" as string };
    }),
  );
  const joinAll = performance.now() - t0;
  // Every learner follows the session.
  await Promise.all(
    learners.map(async (l) => {
      const res = await fetch(`${base}/api/live/join/${session.code}/events`, { headers: { cookie: l.cookie }, signal: stop.signal });
      void follow(res, (v) => (l.phase = v.phase as string), stop.signal);
    }),
  );
  while (hostJoined < n) await new Promise((r) => setTimeout(r, 20));

  const started = performance.now();
  await fetch(`${base}/api/live/${session.id}/control`, { method: "POST", headers: { "content-type": "application/json", cookie: host }, body: JSON.stringify({ action: "start" }) });
  while (learners.some((l) => l.phase !== "question") || options.length === 0) await new Promise((r) => setTimeout(r, 10));
  const fanOut = performance.now() - started;

  // Answers: every learner within two seconds.
  const latencies: number[] = [];
  const handler: number[] = [];
  let accepted = 0;
  const answerStart = performance.now();
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  await Promise.all(
    learners.map(async (l, i) => {
      await new Promise((r) => setTimeout(r, Math.random() * 2000));
      const start = performance.now();
      const res = await fetch(`${base}/api/live/join/${session.code}/answer`, { method: "POST", headers: { "content-type": "application/json", cookie: l.cookie }, body: JSON.stringify({ itemIndex: 0, response: { choice: options[i % options.length] } }) });
      latencies.push(performance.now() - start);
      const dur = /dur=([\d.]+)/.exec(res.headers.get("server-timing") ?? "");
      if (dur) handler.push(Number(dur[1]));
      if (res.ok && ((await res.json()) as { accepted?: boolean }).accepted) accepted++;
    }),
  );
  const lastAnswer = performance.now();
  lag.disable();
  const deadline = performance.now() + 10_000;
  while (hostAnswered < n && performance.now() < deadline) await new Promise((r) => setTimeout(r, 10));

  lines.push(`bench:live — ${n} learners, one app process (${base})`);
  lines.push(`join: all ${n} in ${ms(joinAll)}; per request p50 ${ms(pct(joinTimes, 50))}, p95 ${ms(pct(joinTimes, 95))}`);
  lines.push(`question opened → every learner's feed shows it: ${ms(fanOut)}`);
  lines.push(`answer latency: p50 ${ms(pct(latencies, 50))}, p95 ${ms(pct(latencies, 95))}, p99 ${ms(pct(latencies, 99))}, max ${ms(Math.max(...latencies))}`);
  lines.push(`  of which in the answer handler (Server-Timing): p50 ${ms(pct(handler, 50))}, p95 ${ms(pct(handler, 95))}, max ${ms(Math.max(...handler))}`);
  lines.push(`  this client's own event-loop delay meanwhile: p99 ${ms(lag.percentile(99) / 1e6)}, max ${ms(lag.max / 1e6)} (large values mean the load generator, not the app, was slow)`);
  lines.push(`answers sent over ${ms(lastAnswer - answerStart)}; the host's feed showed all ${n} ${allAnsweredAt ? `${ms(Math.abs(allAnsweredAt - lastAnswer))} ${allAnsweredAt >= lastAnswer ? "after" : "before"} the last learner had its response` : `never (it shows ${hostAnswered})`}`);
  lines.push(`counted: ${accepted} accepted, host shows ${hostAnswered} answered of ${n} — ${accepted === n && hostAnswered === n ? "every answer counted once" : "MISMATCH"}`);
  return lines;
}

const app = await startApp(process.env.BENCH_PORT ?? "3221");
const base = app.baseUrl;
const stop = new AbortController();
try {
  const host = await signInInstructor(base, app.databaseUrl, "bench-host@example.com", PASSWORD);

  // One single-choice question from the bank.
  const first = singleChoiceQuestions()[0]!;
  // A freshly started server compiles its code paths on first use; a short session warms it up
  // as a server that has been running for a while would be.
  const warm = await runSession(base, host, first.id, WARMUP, stop);
  console.log(`warm-up session (${WARMUP} learners) on the fresh server: ${warm.find((l) => l.startsWith("answer latency")) ?? ""}`);
  for (const line of await runSession(base, host, first.id, N, stop)) console.log(line);
} finally {
  stop.abort();
  app.stop();
}
process.exit(0);
