/**
 * Plain HTTP clients for the browser-test server, one per person: a cookie jar over fetch, so
 * the authorization, fuzz and leak tests can act as a visitor, a guest, learners and instructors
 * quickly, without a browser. Also the database helpers those tests share.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import path from "node:path";
import { createClient } from "@libsql/client";

export const PASSWORD = "a long enough password";

export interface Sent {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
  location: string | null;
}

export interface RequestOptions {
  /** A value sent as JSON (with Content-Type: application/json), or raw bytes/text sent as they are. */
  json?: unknown;
  raw?: string | Uint8Array;
  headers?: Record<string, string>;
  /** Cookies added to this request only (e.g. the test clock). */
  cookies?: Record<string, string>;
  /** For streams (SSE): read until the first event has arrived, or at most this many ms, then hang up. */
  streamMs?: number;
}

/** One person's browser, as far as the server can tell: a cookie jar. A visitor's jar keeps nothing. */
export class Client {
  readonly jar = new Map<string, string>();
  constructor(
    readonly baseUrl: string,
    readonly label: string,
    private readonly keepCookies = true,
  ) {}

  cookieHeader(extra: Record<string, string> = {}): string {
    return [...this.jar, ...Object.entries(extra)].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async request(method: string, pathAndQuery: string, options: RequestOptions = {}): Promise<Sent> {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    const cookie = this.cookieHeader(options.cookies);
    if (cookie) headers.cookie = cookie;
    let body: string | Uint8Array | undefined;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers["content-type"] ??= "application/json";
    } else if (options.raw !== undefined) body = options.raw;
    const controller = new AbortController();
    const send = () => fetch(`${this.baseUrl}${pathAndQuery}`, { method, headers, body: body as BodyInit | undefined, redirect: "manual", signal: controller.signal });
    // A pooled connection the server closed as idle just as it was reused fails before the
    // request reaches the server ("other side closed"); sending again on a new one is safe.
    const res = await send().catch((err: { cause?: { code?: string } }) => {
      if (err.cause?.code === "UND_ERR_SOCKET") return send();
      throw err;
    });
    if (this.keepCookies)
      for (const line of res.headers.getSetCookie()) {
        const [pair, ...attrs] = line.split(";");
        const eq = pair!.indexOf("=");
        const name = pair!.slice(0, eq).trim();
        const value = pair!.slice(eq + 1).trim();
        const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=Thu, 01 Jan 1970/i.test(a));
        if (expired || value === "") this.jar.delete(name);
        else this.jar.set(name, value);
      }
    let text: string;
    if (options.streamMs !== undefined && res.body) {
      text = await readFor(res.body, options.streamMs);
      controller.abort();
    } else text = await res.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, text, json, location: res.headers.get("location") };
  }

  get(p: string, options: RequestOptions = {}) {
    return this.request("GET", p, options);
  }
  post(p: string, json?: unknown, options: RequestOptions = {}) {
    return this.request("POST", p, { ...options, json });
  }
}

/** Reads a streamed body until its first complete event, or for a while (an SSE feed never ends by itself). */
async function readFor(body: ReadableStream<Uint8Array>, ms: number): Promise<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  const deadline = Date.now() + ms;
  for (;;) {
    const left = deadline - Date.now();
    if (left <= 0) break;
    const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), left))]);
    if (chunk === null || chunk.done) break;
    text += decoder.decode(chunk.value, { stream: true });
    if (/^data: .*\n\n/m.test(text)) break;
  }
  await reader.cancel().catch(() => {});
  return text;
}

/** The first `data:` event of an SSE feed, parsed. */
export function firstEvent(text: string): unknown {
  const line = text.split("\n").find((l) => l.startsWith("data: "));
  return line ? JSON.parse(line.slice(6)) : undefined;
}

/** Signs a client in with next-auth's credentials flow, as the sign-in form does. */
export async function signIn(client: Client, email: string): Promise<void> {
  const csrf = await client.get("/api/auth/csrf");
  const token = (csrf.json as { csrfToken: string }).csrfToken;
  const form = new URLSearchParams({ csrfToken: token, email, password: PASSWORD, json: "true", callbackUrl: `${client.baseUrl}/en/dashboard` });
  const res = await client.request("POST", "/api/auth/callback/credentials", { raw: form.toString(), headers: { "content-type": "application/x-www-form-urlencoded" } });
  if (![...client.jar.keys()].some((k) => k.endsWith("next-auth.session-token"))) throw new Error(`sign-in of ${email} failed: ${res.status} ${res.text.slice(0, 200)}`);
  await client.post("/api/session/claim");
}

/** Creates an account through the sign-up endpoint and signs in. */
export async function signUpLearner(baseUrl: string, label: string, email: string, name: string): Promise<Client> {
  const client = new Client(baseUrl, label);
  const res = await client.post("/api/signup", { email, password: PASSWORD, name });
  if (res.status !== 201) throw new Error(`sign-up of ${email} failed: ${res.status} ${res.text.slice(0, 200)}`);
  await signIn(client, email);
  return client;
}

/** Creates an account with the documented CLI (`npm run user:create`), on the test server's database. */
export function createUser(databaseUrl: string, email: string, role: "learner" | "instructor" | "admin", name: string): void {
  const root = path.join(import.meta.dirname, "..");
  const r = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/user-create.ts", "--email", email, "--role", role, "--password", PASSWORD, "--name", name], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`user:create failed: ${(r.stderr || r.stdout).split("\n").slice(0, 5).join(" / ")}`);
}

export async function signUpInstructor(baseUrl: string, databaseUrl: string, label: string, email: string, name: string, role: "instructor" | "admin" = "instructor"): Promise<Client> {
  createUser(databaseUrl, email, role, name);
  const client = new Client(baseUrl, label);
  await signIn(client, email);
  return client;
}

/** A guest: a visitor who answered once, so the app gave them a guest cookie. */
export async function newGuest(baseUrl: string, label: string): Promise<Client> {
  const client = new Client(baseUrl, label);
  const res = await client.post("/api/progress", { lesson: "acks", event: "started" });
  if (res.status !== 200 || !client.jar.has("lossless_guest")) throw new Error(`no guest cookie: ${res.status} ${res.text.slice(0, 200)}`);
  return client;
}

/** The test server's database, read directly (the tests' witness of what was stored). */
export function database(databaseUrl: string) {
  const db = createClient({ url: databaseUrl });
  const tables = async () =>
    (await db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name")).rows.map((r) => String(r.name));
  return {
    db,
    tables,
    /** Row counts of every table. */
    async counts(): Promise<Record<string, number>> {
      const out: Record<string, number> = {};
      for (const t of await tables()) out[t] = Number((await db.execute(`SELECT COUNT(*) AS n FROM "${t}"`)).rows[0]!.n);
      return out;
    },
    /** A fingerprint of every row of every table: it moves when anything at all is written. */
    async fingerprint(): Promise<string> {
      const hash = createHash("sha256");
      for (const t of await tables()) {
        const rows = await db.execute(`SELECT * FROM "${t}" ORDER BY rowid`);
        hash.update(`${t}:${JSON.stringify(rows.rows, (_k, v) => (typeof v === "bigint" ? String(v) : v))}\n`);
      }
      return hash.digest("hex");
    },
    close: () => db.close(),
  };
}
