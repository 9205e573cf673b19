/** Structured request logs: the fields each line carries, what never appears in one, and error ids. */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, levelFrom, makeApi, noteRequestUser, log as processLog } from "./index";
import { logRequestError } from "./request-error";

/** A logger writing into an array of parsed lines, and the raw text for "never contains" checks. */
function capture(level: Parameters<typeof createLogger>[1] = "info") {
  const raw: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      raw.push(String(chunk));
      done();
    },
  });
  const logger = createLogger(sink, level);
  return { logger, raw, lines: () => raw.join("").split("\n").filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>) };
}

const PASSWORD = "correct horse battery staple";
const ANSWER = "the leader acknowledged before the followers had it";
const post = (url: string, body: unknown, headers: Record<string, string> = {}) => new Request(url, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json", ...headers } });

describe("API request logs", () => {
  it("writes one JSON line per request with method, path, status, duration, request id and user — and no password or answer", async () => {
    const { logger, raw, lines } = capture();
    const api = makeApi(logger);
    const handler = api(async (req: Request) => {
      const body = (await req.json()) as Record<string, unknown>;
      noteRequestUser("user-42");
      // Even a careless log of the whole body inside a handler keeps the secrets out.
      logger.info({ body, password: body.password, detail: { response: body.response } }, "careless");
      return Response.json({ accepted: true }, { status: 201 });
    });
    const res = await handler(post(`http://x/api/quiz/answer?password=${encodeURIComponent(PASSWORD)}`, { email: "a@b.c", password: PASSWORD, response: { text: ANSWER } }, { "x-request-id": "client-chosen-id-1" }));
    expect(res.status).toBe(201);
    expect(res.headers.get("x-request-id")).toBe("client-chosen-id-1");
    const [careless, line] = lines();
    expect(line).toMatchObject({ level: "info", msg: "request", method: "POST", path: "/api/quiz/answer", status: 201, requestId: "client-chosen-id-1", userId: "user-42" });
    expect(typeof line!.durationMs).toBe("number");
    expect(line!.durationMs as number).toBeGreaterThanOrEqual(0);
    expect(typeof line!.time).toBe("string");
    // Lines logged inside the handler carry the request id and user too.
    expect(careless).toMatchObject({ requestId: "client-chosen-id-1", userId: "user-42", body: "[redacted]", password: "[redacted]", detail: { response: "[redacted]" } });
    const text = raw.join("");
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(encodeURIComponent(PASSWORD));
    expect(text).not.toContain(ANSWER);
  });

  it("replaces an incoming request id that is not sane, and leaves out the user when none is known", async () => {
    const { logger, lines } = capture();
    const handler = makeApi(logger)(() => new Response(null, { status: 204 }));
    for (const incoming of ["short", "has spaces in it", "x".repeat(200), "new\nline-injected-id", ""]) {
      const res = await handler(new Request("http://x/api/health", { headers: incoming.includes("\n") ? {} : { "x-request-id": incoming } }));
      const id = res.headers.get("x-request-id")!;
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      const line = lines().at(-1)!;
      expect(line.requestId).toBe(id);
      expect(line).not.toHaveProperty("userId");
    }
  });

  it("marks small JSON answers no-transform (a gzip stream each cost a tenth of a live burst) and leaves large ones, streams and redirects compressible", async () => {
    const { logger } = capture();
    const run = (res: () => Response) => makeApi(logger)(res)(new Request("http://x/api/x"));
    const small = await run(() => Response.json({ accepted: true, note: "été" }, { status: 201 }));
    expect(small.status).toBe(201);
    expect(small.headers.get("cache-control")).toBe("no-transform");
    expect(small.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(await small.json()).toEqual({ accepted: true, note: "été" });
    const kept = await run(() => Response.json({ due: 3 }, { headers: { "cache-control": "no-store" } }));
    expect(kept.headers.get("cache-control")).toBe("no-store, no-transform");
    const large = await run(() => Response.json({ rows: "x".repeat(2000) }));
    expect(large.headers.get("cache-control")).toBeNull();
    expect(((await large.json()) as { rows: string }).rows).toHaveLength(2000);
    const stream = new ReadableStream({ start: (c) => (c.enqueue(new TextEncoder().encode("data: 1\n\n")), c.close()) });
    const sse = await run(() => new Response(stream, { headers: { "content-type": "text/event-stream" } }));
    expect(sse.body).toBe(stream);
    const redirect = await run(() => Response.redirect("http://x/en", 303));
    expect(redirect.status).toBe(303);
    expect(redirect.headers.get("location")).toBe("http://x/en");
    expect(redirect.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("answers a throwing handler with 500 {error, id}, and logs the same id with the stack", async () => {
    const { logger, lines } = capture();
    const res = await makeApi(logger)(async () => {
      throw new Error("database is on fire");
    })(new Request("http://x/api/progress", { method: "POST", body: "{}" }));
    expect(res.status).toBe(500);
    const body = (await res.json()) as { error: string; id: string };
    expect(body.error).toMatch(/went wrong/);
    expect(body.id).toBe(res.headers.get("x-request-id"));
    expect(JSON.stringify(body)).not.toContain("on fire");
    const [failure, summary] = lines();
    expect(failure).toMatchObject({ level: "error", msg: "request failed", requestId: body.id, path: "/api/progress", err: { message: "database is on fire" } });
    expect((failure!.err as { stack: string }).stack).toContain("log.test.ts");
    expect(summary).toMatchObject({ level: "warn", status: 500, requestId: body.id });
  });

  it("takes its level from LOG_LEVEL, defaulting to info", async () => {
    expect(["debug", "WARN", " error ", "silent", "nonsense", undefined, ""].map(levelFrom)).toEqual(["debug", "warn", "error", "silent", "info", "info", "info"]);
    const { logger, lines } = capture("warn");
    const handler = makeApi(logger)(() => new Response("ok"));
    await handler(new Request("http://x/api/health"));
    expect(lines()).toEqual([]);
    expect(processLog.level).toBe("silent"); // unit tests run quiet unless LOG_LEVEL says otherwise
  });
});

describe("server render errors", () => {
  it("logs the digest the error page shows as errorId, with the stack and the request id", () => {
    const { logger, lines } = capture();
    const err = Object.assign(new Error("cannot read the lesson"), { digest: "2738491023" });
    logRequestError(err, { path: "/en/lessons/acks?x=1", method: "GET", headers: { "x-request-id": "page-request-1", cookie: "secret" } }, { routerKind: "App Router", routePath: "/[locale]/lessons/[slug]", routeType: "render", revalidateReason: undefined }, logger);
    const [line] = lines();
    expect(line).toMatchObject({ level: "error", errorId: "2738491023", requestId: "page-request-1", method: "GET", path: "/en/lessons/acks", routePath: "/[locale]/lessons/[slug]", err: { message: "cannot read the lesson" } });
    expect(JSON.stringify(line)).not.toContain("secret");
  });
});

describe("every API route", () => {
  it("exports its handlers through api(), so each request is logged and gets an id", () => {
    const root = path.join(process.cwd(), "app", "api");
    const routes = (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith("route.ts"));
    expect(routes.length).toBeGreaterThan(20);
    for (const f of routes) {
      const text = readFileSync(path.join(root, f), "utf8");
      expect(text, f).not.toMatch(/export\s+(async\s+)?function\s+(GET|POST|PUT|PATCH|DELETE)\b|export\s*\{[^}]*\bas\s+(GET|POST)/);
      const methods = [...text.matchAll(/export const (GET|POST|PUT|PATCH|DELETE) = (\w+)\(/g)];
      expect(methods.length, f).toBeGreaterThan(0);
      for (const m of methods) expect(m[2], `${f} ${m[1]}`).toBe("api");
    }
  });
});
