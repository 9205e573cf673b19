/**
 * Shared by the process-level tests and benchmarks (crash-test, pg-processes, bench-live): an
 * instructor signed in over HTTP, a live session set up directly in the app's database, an SSE
 * reader, and a request whose body arrives slowly (so it is still in flight when a signal
 * arrives). Run under `--conditions=react-server` (lib/db is server-only).
 */
import { spawnSync } from "node:child_process";
import { request } from "node:http";
import path from "node:path";
import { createDb } from "../../lib/db/client";
import { loadQuestionFiles } from "../../lib/content/questions";
import { control, createLive, createLiveSchema } from "../../lib/live/db";
import type { Question } from "../../lib/quiz";

export const cookieOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .join("; ");

/**
 * Creates an instructor in the app's database with the CLI (`npm run user:create`), signs them
 * in through next-auth's credentials endpoint on `base`, and returns the cookie header to send
 * as them (the CSRF cookie with the session cookie).
 */
export async function signInInstructor(base: string, databaseUrl: string, email: string, password: string): Promise<string> {
  const root = path.join(import.meta.dirname, "..", "..");
  const made = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/user-create.ts", "--email", email, "--role", "instructor", "--password", password], { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: "utf8" });
  if (made.status !== 0) throw new Error(`user:create failed: ${made.stderr || made.stdout}`);
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signIn = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieOf(csrf) },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const cookie = [cookieOf(csrf), cookieOf(signIn)].join("; ");
  if (!cookie.includes("session-token")) throw new Error(`signing in as ${email} on ${base} gave no session cookie (${signIn.status})`);
  return cookie;
}

/** Single-choice questions of the bank, to answer with a known option. */
export function singleChoiceQuestions(): Extract<Question, { type: "single" }>[] {
  return [...loadQuestionFiles().values()].flatMap((f) => f.questions).filter((q): q is Extract<Question, { type: "single" }> => q.type === "single");
}

/** An instructor and a live session with its first question open, written straight into the app's database. */
export async function openLiveSession(databaseUrl: string, questionIds: string[]): Promise<{ id: string; code: string }> {
  const db = createDb(databaseUrl);
  try {
    const host = await db.user.create({ data: { email: `host-${Date.now()}-${Math.random()}@example.com`, role: "instructor" } });
    const created = await createLive(db, host.id, createLiveSchema.parse({ title: "process test", questionIds, secondsPerItem: 600 }));
    if (created.status !== 201) throw new Error(`could not create a live session: ${JSON.stringify(created.body)}`);
    const { id, code } = created.body as { id: string; code: string };
    await control(db, host.id, id, "start", new Date());
    return { id, code };
  } finally {
    await db.$disconnect();
  }
}

/** Joins a live session as a guest; returns the participant's cookie. */
export async function joinLive(base: string, code: string, nickname: string): Promise<string> {
  const res = await fetch(`${base}/api/live/join`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code, nickname }) });
  if (!res.ok) throw new Error(`join ${nickname}: ${res.status} ${await res.text()}`);
  return cookieOf(res);
}

/** Follows an SSE response: `views` fills with each data message; `ended` resolves when the server ends the stream. */
export function followSse(res: Response): { views: unknown[]; ended: Promise<"ended" | "error"> } {
  const views: unknown[] = [];
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const ended = (async () => {
    let buffer = "";
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return "ended" as const;
        buffer += decoder.decode(value, { stream: true });
        let end;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const data = buffer
            .slice(0, end)
            .split("\n")
            .find((l) => l.startsWith("data: "));
          buffer = buffer.slice(end + 2);
          if (data) views.push(JSON.parse(data.slice(6)));
        }
      }
    } catch {
      return "error" as const;
    }
  })();
  return { views, ended };
}

/**
 * A POST whose body is sent in two halves: the server has the request (its handler is reading
 * the body) but cannot answer before `finish()` sends the rest.
 */
export function slowPost(base: string, path: string, body: unknown, cookie = ""): { finish: () => Promise<{ status: number; json: Record<string, unknown> }>; failed: Promise<Error> } {
  const text = JSON.stringify(body);
  const url = new URL(path, base);
  let fail: (e: Error) => void = () => {};
  const failed = new Promise<Error>((resolve) => (fail = resolve));
  let finishBody = () => {};
  const response = new Promise<{ status: number; json: Record<string, unknown> }>((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: "POST", headers: { "content-type": "application/json", "content-length": Buffer.byteLength(text), cookie } }, (res) => {
      let data = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (data += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(data || "{}") as Record<string, unknown> }));
    });
    req.on("error", (err) => {
      fail(err);
      reject(err);
    });
    req.write(text.slice(0, Math.floor(text.length / 2)));
    finishBody = () => req.end(text.slice(Math.floor(text.length / 2)));
  });
  response.catch(() => {});
  return {
    finish: () => {
      finishBody();
      return response;
    },
    failed,
  };
}
