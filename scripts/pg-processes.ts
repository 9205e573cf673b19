/**
 * Two app processes on one PostgreSQL, as behind a load balancer (part of `npm run test:pg`):
 * the instructor signs in on process A and follows the host feed there; learners join, follow
 * and answer on process B; the host starts the question from B with the session cookie A issued.
 * Passes when the host's feed on A shows every learner who joined on B, every feed on A and B
 * shows the question the host started on B, and the host's feed on A counts every answer posted
 * to B — live events crossing processes through LISTEN/NOTIFY, sessions valid on any process.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { cookieOf, signInInstructor, singleChoiceQuestions } from "./process/helpers";

const root = path.join(import.meta.dirname, "..");

/** Starts the app as `npm start` does, on `port` and `databaseUrl`; resolves once /api/health is 200. */
async function startApp(port: string, databaseUrl: string): Promise<{ baseUrl: string; stop: () => void }> {
  const baseUrl = `http://localhost:${port}`;
  // Its own process group (tsx, start.ts, next-server), so that stopping it reaches them all.
  const child = spawn(path.join(root, "node_modules", ".bin", "tsx"), ["scripts/start.ts"], {
    cwd: root,
    env: { ...process.env, PORT: port, DATABASE_URL: databaseUrl, NEXTAUTH_URL: baseUrl },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const stop = () => {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      // already gone
    }
  };
  process.once("exit", stop);
  const deadline = Date.now() + 400_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app on port ${port} exited before it was ready:\n${output.slice(-3000)}`);
    if (await fetch(`${baseUrl}/api/health`).then((r) => r.ok, () => false)) return { baseUrl, stop };
    if (Date.now() > deadline) {
      stop();
      throw new Error(`the app on port ${port} did not become healthy in time:\n${output.slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

const LEARNERS = 20;
const PASSWORD = "two processes, one database";

/** Follows an SSE response: `latest()` is the last view received. */
function feed(res: Response, signal: AbortSignal): { latest: () => Record<string, unknown> | null } {
  if (!res.ok || !res.body) throw new Error(`the live feed answered ${res.status}`);
  let view: Record<string, unknown> | null = null;
  void (async () => {
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    try {
      while (!signal.aborted) {
        const { value, done } = await reader.read();
        if (done) return;
        text += decoder.decode(value, { stream: true });
        for (let end = text.indexOf("\n\n"); end >= 0; end = text.indexOf("\n\n")) {
          const line = text.slice(0, end).split("\n").find((l) => l.startsWith("data: "));
          text = text.slice(end + 2);
          if (line) view = JSON.parse(line.slice("data: ".length)) as Record<string, unknown>;
        }
      }
    } catch {
      // aborted at the end
    }
  })();
  return { latest: () => view };
}

async function until(what: string, check: () => boolean, ms = 15_000): Promise<number> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > ms) throw new Error(`timed out after ${ms} ms waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return performance.now() - start;
}

async function post(url: string, cookie: string, body: unknown): Promise<Response> {
  return fetch(url, { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify(body) });
}

/** Runs the check against a database at `databaseUrl` (migrated by the apps as they start); throws on failure. */
export async function checkTwoProcesses(databaseUrl: string, ports: [string, string]): Promise<string[]> {
  const apps: { baseUrl: string; stop: () => void }[] = [];
  const stop = new AbortController();
  try {
    // One after the other: the first start builds the app if its sources changed.
    apps.push(await startApp(ports[0], databaseUrl));
    apps.push(await startApp(ports[1], databaseUrl));
    const [a, b] = apps.map((app) => app.baseUrl) as [string, string];

    const host = await signInInstructor(a, databaseUrl, "host@example.com", PASSWORD);

    const question = singleChoiceQuestions()[0];
    if (!question) throw new Error("the question bank has no single-choice question");
    const created = await post(`${a}/api/live`, host, { title: "two processes", questionIds: [question.id], secondsPerItem: 120 });
    const session = (await created.json()) as { id: string; code: string; error?: string };
    if (!created.ok) throw new Error(`creating the session on A: ${created.status} ${session.error}`);
    const hostFeed = feed(await fetch(`${a}/api/live/${session.id}/events`, { headers: { cookie: host }, signal: stop.signal }), stop.signal);

    const learners = await Promise.all(
      Array.from({ length: LEARNERS }, async (_, i) => {
        const res = await post(`${b}/api/live/join`, "", { code: session.code, nickname: `learner ${i}` });
        if (!res.ok) throw new Error(`join on B: ${res.status} ${await res.text()}`);
        const cookie = cookieOf(res);
        return { cookie, feed: feed(await fetch(`${b}/api/live/join/${session.code}/events`, { headers: { cookie }, signal: stop.signal }), stop.signal) };
      }),
    );
    const joinedMs = await until("the host's feed on A shows every learner who joined on B", () => hostFeed.latest()?.participants === LEARNERS);

    const started = await post(`${b}/api/live/${session.id}/control`, host, { action: "start" });
    if (!started.ok) throw new Error(`starting from B with A's session cookie: ${started.status} ${await started.text()}`);
    const startMs = await until("every learner's feed on B and the host's on A show the question", () => hostFeed.latest()?.phase === "question" && learners.every((l) => l.feed.latest()?.phase === "question"));

    const answers = await Promise.all(learners.map((l, i) => post(`${b}/api/live/join/${session.code}/answer`, l.cookie, { itemIndex: 0, response: { choice: question.options[i % question.options.length]!.id } })));
    const accepted = (await Promise.all(answers.map(async (r) => (r.ok ? ((await r.json()) as { accepted?: boolean }).accepted : false)))).filter(Boolean).length;
    if (accepted !== LEARNERS) throw new Error(`only ${accepted} of ${LEARNERS} answers posted to B were accepted`);
    const answeredMs = await until(`the host's feed on A counts all ${LEARNERS} answers posted to B`, () => hostFeed.latest()?.answered === LEARNERS);

    return [
      `two app processes on one PostgreSQL (A ${a}, B ${b}):`,
      `  ${LEARNERS} learners joined on B → host feed on A showed them all after ${joinedMs.toFixed(0)} ms`,
      `  host started the question on B with A's session cookie → every feed on A and B showed it after ${startMs.toFixed(0)} ms`,
      `  ${LEARNERS} answers posted to B, each accepted once → host feed on A counted them all ${answeredMs.toFixed(0)} ms after the last response`,
    ];
  } finally {
    stop.abort();
    for (const app of apps) app.stop();
  }
}
