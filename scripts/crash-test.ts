/**
 * `npm run test:crash`: no acknowledged answer is lost or counted twice when the server dies.
 *
 * 1. Starts the app as `npm start` does (scripts/app-server.ts) on a throwaway SQLite database.
 * 2. Many clients: guests (each with its own cookie) answering quiz questions and one mock
 *    interview question, visitors whose first request is a quiz answer (no cookie yet; a resend
 *    has none either, since the cookie came in the response), and guests in a live session
 *    answering its open question.
 * 3. Sends a burst of answers concurrently, each with its client attempt id, and SIGKILLs the
 *    server process (next-server, not the npm-start wrapper) while the burst is under way.
 * 4. Restarts the app on the same database and resends every answer that got no response, with
 *    the same attempt id, cookie and body; resends the acknowledged ones too, which must get
 *    their original result back.
 * 5. Reads the database: every acknowledged answer is stored exactly once, no answer twice, and
 *    each counted once toward spaced review.
 * 6. Graceful stop (lib/shutdown.ts): with a request in flight and an SSE stream open, SIGTERM to
 *    the wrapper ends the stream at once, refuses new connections, lets the request finish, and
 *    exits 0 well within the grace period.
 * Prints the counts and `N passed, N failed`; exits 1 on any failure. Traffic goes to 127.0.0.1.
 */
import { randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { get } from "node:http";
import { createDb } from "../lib/db/client";
import { startApp, type RunningApp } from "./app-server";
import { cookieOf, followSse, joinLive, openLiveSession, singleChoiceQuestions, slowPost } from "./process/helpers";

const PORT = process.env.CRASH_PORT ?? "3322";
const GUESTS = 50;
const QUIZ_PER_GUEST = 6;
const MOCK_GUESTS = 10;
/** Visitors without a cookie whose first request is an answer: its attempt id names their guest (decision 015). */
const FIRST_ANSWERS = 20;
const LIVE_LEARNERS = 20;
/** The server is killed once this share of the burst has been acknowledged. */
const KILL_AFTER_SHARE = 0.35;
const started = Date.now();

let passed = 0;
let failed = 0;
function check(ok: boolean, what: string, detail = "") {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? "ok  " : "FAIL"} ${what}${detail ? ` — ${detail}` : ""}`);
}

interface Answer {
  kind: "quiz" | "mock" | "live";
  path: string;
  cookie: string;
  body: Record<string, unknown> & { clientAttemptId: string };
  /** The first response (status and body), if one arrived before the kill. */
  first?: { status: number; json: unknown };
}

const base = `http://127.0.0.1:${PORT}`;
async function post(a: Answer): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${base}${a.path}`, { method: "POST", headers: { "content-type": "application/json", cookie: a.cookie }, body: JSON.stringify(a.body) });
  return { status: res.status, json: await res.json() };
}

/** Whether a new TCP connection to the port is accepted (fetch would reuse a kept-alive one). */
const accepts = () =>
  new Promise<boolean>((resolve) => {
    const req = get({ host: "127.0.0.1", port: PORT, path: "/api/health", agent: false }, (res) => {
      res.resume();
      resolve(true);
    });
    req.on("error", () => resolve(false));
    req.setTimeout(3000, () => {
      req.destroy();
      resolve(false);
    });
  });

async function prepareClients(app: RunningApp): Promise<Answer[]> {
  const questions = singleChoiceQuestions();
  const answers: Answer[] = [];
  // Guests get their cookie before the burst, as on a lesson page (the first request starts the lesson).
  const guests = await Promise.all(
    Array.from({ length: GUESTS }, async () => {
      const res = await fetch(`${base}/api/progress`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ lesson: "acks", event: "started" }) });
      if (!res.ok) throw new Error(`progress: ${res.status} ${await res.text()}`);
      return cookieOf(res);
    }),
  );
  guests.forEach((cookie, g) => {
    for (let i = 0; i < QUIZ_PER_GUEST; i++) {
      const q = questions[(g + i * 7) % questions.length]!;
      answers.push({ kind: "quiz", path: "/api/quiz/answer", cookie, body: { questionId: q.id, response: { choice: q.options[(g + i) % q.options.length]!.id }, locale: "en", clientAttemptId: randomUUID() } });
    }
  });
  // A resend of these carries no cookie either: the first response, which set it, may be lost;
  // and the acknowledged ones are resent without it too, as a browser would if it missed it.
  for (let v = 0; v < FIRST_ANSWERS; v++) {
    const q = questions[(v * 5) % questions.length]!;
    answers.push({ kind: "quiz", path: "/api/quiz/answer", cookie: "", body: { questionId: q.id, response: { choice: q.options[v % q.options.length]!.id }, locale: "en", clientAttemptId: randomUUID() } });
  }
  for (const cookie of guests.slice(0, MOCK_GUESTS)) {
    const res = await fetch(`${base}/api/mock`, { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify({ minutes: 10, focus: "mixed", level: "junior" }) });
    const { id } = (await res.json()) as { id: string };
    answers.push({ kind: "mock", path: `/api/mock/${id}/answer`, cookie, body: { position: 0, skip: true, locale: "en", clientAttemptId: randomUUID() } });
  }
  const live = await openLiveSession(app.databaseUrl, [questions[0]!.id]);
  for (let i = 0; i < LIVE_LEARNERS; i++) {
    const cookie = await joinLive(base, live.code, `learner-${i}`);
    answers.push({ kind: "live", path: `/api/live/join/${live.code}/answer`, cookie, body: { itemIndex: 0, response: { choice: questions[0]!.options[i % questions[0]!.options.length]!.id }, locale: "en", clientAttemptId: randomUUID() } });
  }
  return answers;
}

/** Sends every answer, spread over a second and a half, and SIGKILLs the server mid-burst. */
async function burstAndKill(app: RunningApp, answers: Answer[]): Promise<number> {
  let acknowledged = 0;
  let killed = false;
  const killAt = Math.floor(answers.length * KILL_AFTER_SHARE);
  const shuffled = [...answers].sort(() => Math.random() - 0.5);
  await Promise.all(
    shuffled.map(async (a, i) => {
      await new Promise((r) => setTimeout(r, (i / shuffled.length) * 1500));
      try {
        const r = await post(a);
        if (killed) return; // answered by a dying process after the kill was sent: treat as unanswered
        a.first = r;
        if (r.status === 200) acknowledged++;
        if (!killed && acknowledged >= killAt) {
          killed = true;
          process.kill(app.serverPid, "SIGKILL");
        }
      } catch {
        // no response: the server died with this request in flight (or before it arrived)
      }
    }),
  );
  if (!killed) process.kill(app.serverPid, "SIGKILL");
  await new Promise<void>((resolve) => (app.wrapper.exitCode !== null ? resolve() : app.wrapper.once("exit", () => resolve())));
  return acknowledged;
}

async function verifyStored(databaseUrl: string, answers: Answer[]) {
  const db = createDb(databaseUrl);
  try {
    const ids = answers.map((a) => a.body.clientAttemptId);
    const [quiz, mock, live] = await Promise.all([
      db.questionAttempt.findMany({ where: { clientAttemptId: { in: ids } }, select: { clientAttemptId: true, userId: true, questionId: true } }),
      db.mockAnswer.findMany({ where: { clientAttemptId: { in: ids } }, select: { clientAttemptId: true } }),
      db.liveAnswer.findMany({ where: { clientAttemptId: { in: ids } }, select: { clientAttemptId: true } }),
    ]);
    const rows = [...quiz, ...mock, ...live];
    const count = new Map<string, number>();
    for (const r of rows) count.set(r.clientAttemptId!, (count.get(r.clientAttemptId!) ?? 0) + 1);
    const duplicates = [...count.values()].filter((n) => n > 1).length;
    const missing = answers.filter((a) => !count.has(a.body.clientAttemptId));
    const lostAcknowledged = answers.filter((a) => a.first?.status === 200 && !count.has(a.body.clientAttemptId));
    // Every answer row of the test, whatever its attempt id: nothing stored without one.
    const [allQuiz, allMock, allLive] = await Promise.all([db.questionAttempt.count(), db.mockAnswer.count(), db.liveAnswer.count()]);
    const cards = await db.reviewCard.findMany({ where: { userId: { in: [...new Set(quiz.map((q) => q.userId))] } }, select: { card: true } });
    const reviewedTwice = cards.filter((c) => (JSON.parse(c.card) as { reps: number }).reps !== 1).length;
    // Accounts without an email are guests: one per cookie made before the burst and one per first answer, none orphaned by a resend.
    const guestRows = await db.user.count({ where: { email: null } });
    return { stored: rows.length, duplicates, missing, lostAcknowledged, totals: allQuiz + allMock + allLive, cards: cards.length, reviewedTwice, guestRows };
  } finally {
    await db.$disconnect();
  }
}

async function gracefulStop(app: RunningApp) {
  const questions = singleChoiceQuestions();
  const live = await openLiveSession(app.databaseUrl, [questions[1]!.id]);
  const cookie = await joinLive(base, live.code, "stays-connected");
  const sse = followSse(await fetch(`${base}/api/live/join/${live.code}/events`, { headers: { cookie } }));
  const q = questions[2]!;
  const guest = cookieOf(await fetch(`${base}/api/progress`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ lesson: "acks", event: "started" }) }));
  // Warm: the stream has sent its first view, the answer route has run once.
  for (let i = 0; i < 50 && sse.views.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
  await post({ kind: "quiz", path: "/api/quiz/answer", cookie: guest, body: { questionId: questions[3]!.id, response: { choice: questions[3]!.options[0]!.id }, clientAttemptId: randomUUID() } });
  const slow = slowPost(base, "/api/quiz/answer", { questionId: q.id, response: { choice: q.options[0]!.id }, clientAttemptId: randomUUID() }, guest);
  await new Promise((r) => setTimeout(r, 300));

  const exited = new Promise<{ code: number | null; at: number }>((resolve) => app.wrapper.once("exit", (code) => resolve({ code, at: Date.now() })));
  const t0 = Date.now();
  app.wrapper.kill("SIGTERM"); // what a supervisor does to `npm start`
  const sseEnd = await Promise.race([sse.ended.then((how) => ({ how, ms: Date.now() - t0 })), new Promise<null>((r) => setTimeout(() => r(null), 3000))]);
  check(sse.views.length > 0 && sseEnd?.how === "ended", "SIGTERM ends open SSE streams at once", sseEnd ? `ended after ${sseEnd.ms} ms` : "still open after 3 s");
  await new Promise((r) => setTimeout(r, 300));
  check(!(await accepts()), "SIGTERM: new connections are refused");
  await new Promise((r) => setTimeout(r, 1000));
  const finishedAt = Date.now();
  const res = await slow.finish();
  check(res.status === 200 && res.json.questionId === q.id, "SIGTERM: a request in flight finishes with its answer", `${res.status} ${Date.now() - t0} ms after the signal`);
  const exit = await Promise.race([exited, new Promise<null>((r) => setTimeout(() => r(null), 15_000))]);
  check(exit?.code === 0, "SIGTERM: npm start exits 0", exit ? `exit ${exit.code}, ${exit.at - finishedAt} ms after the last request finished (${exit.at - t0} ms after the signal)` : "still running after 15 s");
  check(/database closed/.test(app.output()), "SIGTERM: the database is closed before the exit");
  if (!exit) app.wrapper.kill("SIGKILL");
}

let app: RunningApp | null = null;
try {
  app = await startApp(PORT);
  const answers = await prepareClients(app);
  console.log(`clients: ${GUESTS} guests (${GUESTS * QUIZ_PER_GUEST} quiz answers, ${MOCK_GUESTS} mock answers), ${FIRST_ANSWERS} visitors answering without a cookie, ${LIVE_LEARNERS} live learners; server pid ${app.serverPid}`);

  const acknowledged = await burstAndKill(app, answers);
  const unanswered = answers.filter((a) => a.first === undefined);
  const refused = answers.filter((a) => a.first && a.first.status !== 200);
  console.log(`sent: ${answers.length}; acknowledged before the kill: ${acknowledged}; answered with an error: ${refused.length}; unanswered: ${unanswered.length}`);
  for (const a of refused.slice(0, 3)) console.log(`  ${a.kind} ${a.first!.status} ${JSON.stringify(a.first!.json).slice(0, 120)}`);
  check(acknowledged > 0 && unanswered.length > 0, "the server died mid-burst (some answers acknowledged, some not)");
  check(refused.length === 0, "no answer was refused before the kill");

  const databaseUrl = app.databaseUrl;
  app = await startApp(PORT, undefined, {}, { databaseUrl });
  const resent = await Promise.all(unanswered.map((a) => post(a).catch((err: Error) => ({ status: 0, json: { error: err.message } }))));
  const resentOk = resent.filter((r) => r.status === 200).length;
  console.log(`unanswered and resent after the restart: ${unanswered.length}; acknowledged now: ${resentOk}`);
  check(resentOk === unanswered.length, "every resent answer is acknowledged after the restart", resent.find((r) => r.status !== 200) ? JSON.stringify(resent.find((r) => r.status !== 200)) : "");
  const acked = answers.filter((a) => a.first?.status === 200);
  const again = await Promise.all(acked.map(async (a) => ({ a, r: await post(a) })));
  // A mock answer is acknowledged with the interview as it is now; only its clock has moved on.
  const comparable = (r: unknown) => JSON.stringify(r, (key, value: unknown) => (key === "remainingMs" ? undefined : value));
  const differ = again.filter(({ a, r }) => comparable(r) !== comparable(a.first));
  check(differ.length === 0, "a resend of an acknowledged answer returns its original result", differ.length ? `${differ.length} differ, e.g. ${JSON.stringify(differ[0]!.r).slice(0, 160)}` : `${again.length} resent`);

  const v = await verifyStored(databaseUrl, answers);
  console.log(`stored: ${v.stored} answers for ${answers.length} attempt ids (${v.totals} answer rows in all); duplicates: ${v.duplicates}; review cards: ${v.cards}, reviewed more than once: ${v.reviewedTwice}`);
  check(v.lostAcknowledged.length === 0, "every answer acknowledged before the kill is stored", `${v.lostAcknowledged.length} lost`);
  check(v.missing.length === 0 && v.stored === answers.length, "every answer is stored after the resends", `${v.missing.length} missing`);
  check(v.duplicates === 0, "no answer is stored twice");
  check(v.totals === answers.length, "no answer row without its attempt id", `${v.totals} rows`);
  check(v.cards === GUESTS * QUIZ_PER_GUEST + FIRST_ANSWERS && v.reviewedTwice === 0, "each quiz answer counts once toward spaced review", `${v.cards} cards`);
  check(v.guestRows === GUESTS + FIRST_ANSWERS, "a first answer resent without a cookie finds the guest its first copy made (no orphaned guests)", `${v.guestRows} guests for ${GUESTS} + ${FIRST_ANSWERS} visitors`);

  await gracefulStop(app);
  app = null;
} catch (err) {
  check(false, "the crash test ran to the end", (err as Error).stack ?? String(err));
} finally {
  if (app) {
    for (const pid of [app.serverPid, app.wrapper.pid])
      try {
        if (pid) process.kill(pid, "SIGKILL");
      } catch {
        // already gone
      }
  }
}
console.log(`(${Math.round((Date.now() - started) / 1000)} s)`);
console.log(`${passed} passed, ${failed} failed`);
// In CI the closing summary (scripts/ci-summary.mjs) counts these checks with the test suites'.
if (process.env.CI) {
  mkdirSync("test-results", { recursive: true });
  writeFileSync("test-results/crash.json", JSON.stringify({ numPassedTests: passed, numFailedTests: failed }));
}
process.exit(failed === 0 ? 0 : 1);
