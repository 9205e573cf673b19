/**
 * Property-based fuzzing of every API route that takes input (fast-check, fixed seed): JSON
 * bodies, path parameters and query strings get random and hostile values — wrong types, huge
 * strings, deep nesting, arrays for objects, __proto__/constructor/prototype keys, SQL and HTML
 * fragments, invalid UTF-8, unpaired surrogates, control characters, non-JSON, empty bodies and
 * wrong Content-Types — as a signed-in learner, an instructor, or a visitor where that is who
 * calls. Every answer must be a 4xx with a JSON error message, and no table may change.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { questionsForLesson } from "@/lib/content/questions";
import { Client, database, signUpInstructor, signUpLearner, type Sent } from "./http";
import { apiRoutes } from "./routes";

const baseUrl = inject("baseUrl");
const databaseUrl = inject("databaseUrl");
const SEED = 20261128;
const tf = questionsForLesson("acks").find((q) => q.type === "true-false")!;

interface Fixture {
  learner: Client;
  instructor: Client;
  admin: Client;
  visitor: Client;
  mock: string;
  /** The learner's account id: what the admin's role change would target. */
  learnerId: string;
  live: { id: string; code: string };
  klass: { id: string; code: string; assignment: string };
}
type Who = "learner" | "instructor" | "admin" | "visitor";
type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

interface Target {
  route: string;
  who: Who;
  /** The path with a valid parameter, or with `param` in its place. */
  path: (f: Fixture, param?: string) => string;
  /** A valid body; the fuzz only ever sends broken variants of it. */
  body?: (f: Fixture) => Record<string, Json>;
  /**
   * Fields of free text, where an SQL or HTML fragment is a legitimate value. Garbage there: wrong
   * types and sizes, unpaired surrogates, and for text shown to others ("display") control and
   * text-direction characters; a sign-up name has them removed ("cleaned"), a password may hold them ("secret").
   */
  free?: Record<string, "display" | "cleaned" | "secret">;
  /** A valid query; each of its values gets hostile replacements. */
  query?: Record<string, string>;
  /** The route has a path parameter to fuzz. */
  param?: boolean;
  /** Server-Sent Events: read briefly, never wait for the end. */
  stream?: boolean;
}

const TARGETS: Target[] = [
  { route: "POST /api/signup", who: "visitor", path: () => "/api/signup", body: () => ({ email: "fuzz-never@example.com", password: "a long enough password", name: "Fuzz" }), free: { password: "secret", name: "cleaned" } },
  { route: "POST /api/account/delete", who: "learner", path: () => "/api/account/delete", body: () => ({ confirm: "delete" }) },
  { route: "POST /api/progress", who: "learner", path: () => "/api/progress", body: () => ({ lesson: "acks", event: "started" }) },
  { route: "POST /api/quiz/answer", who: "learner", path: () => "/api/quiz/answer", body: () => ({ questionId: tf.id, response: { value: true }, locale: "en" }) },
  { route: "GET /api/quiz/state", who: "learner", path: () => "/api/quiz/state", query: { lesson: "acks", locale: "en" } },
  { route: "POST /api/mock", who: "learner", path: () => "/api/mock", body: () => ({ minutes: 10, focus: "mixed", level: "junior" }) },
  { route: "GET /api/mock/[id]", who: "learner", path: (f, p) => `/api/mock/${p ?? f.mock}`, query: { locale: "en" }, param: true },
  { route: "POST /api/mock/[id]/answer", who: "learner", path: (f, p) => `/api/mock/${p ?? f.mock}/answer`, body: () => ({ position: 0, skip: true, locale: "en" }), param: true },
  { route: "POST /api/mock/[id]/end", who: "learner", path: (f, p) => `/api/mock/${p ?? f.mock}/end`, body: () => ({}), param: true },
  { route: "POST /api/mock/[id]/share", who: "learner", path: (f, p) => `/api/mock/${p ?? f.mock}/share`, body: () => ({ enabled: true }), param: true },
  { route: "POST /api/live", who: "instructor", path: () => "/api/live", body: () => ({ title: "Fuzz", questionIds: [tf.id], secondsPerItem: 60 }), free: { title: "display" } },
  { route: "POST /api/live/[id]/control", who: "instructor", path: (f, p) => `/api/live/${p ?? f.live.id}/control`, body: () => ({ action: "reveal" }), param: true },
  { route: "GET /api/live/[id]/csv", who: "instructor", path: (f, p) => `/api/live/${p ?? f.live.id}/csv`, param: true },
  { route: "GET /api/live/[id]/events", who: "instructor", path: (f, p) => `/api/live/${p ?? f.live.id}/events`, query: { locale: "en" }, param: true, stream: true },
  { route: "POST /api/live/join", who: "learner", path: () => "/api/live/join", body: (f) => ({ code: f.live.code, nickname: "Fuzzy" }), free: { nickname: "display" } },
  { route: "POST /api/live/join/[code]/answer", who: "learner", path: (f, p) => `/api/live/join/${p ?? f.live.code}/answer`, body: () => ({ itemIndex: 0, response: { value: true }, locale: "en" }), param: true },
  { route: "GET /api/live/join/[code]/events", who: "learner", path: (f, p) => `/api/live/join/${p ?? f.live.code}/events`, query: { locale: "en" }, param: true, stream: true },
  { route: "PATCH /api/admin/users/[id]", who: "admin", path: (f, p) => `/api/admin/users/${p ?? f.learnerId}`, body: () => ({ role: "instructor" }), param: true },
  { route: "POST /api/classes", who: "instructor", path: () => "/api/classes", body: () => ({ name: "Fuzz class" }), free: { name: "display" } },
  { route: "POST /api/classes/join", who: "learner", path: () => "/api/classes/join", body: (f) => ({ code: f.klass.code }) },
  { route: "POST /api/classes/[id]/assignments", who: "instructor", path: (f, p) => `/api/classes/${p ?? f.klass.id}/assignments`, body: () => ({ kind: "lesson", target: "acks", dueAt: "2031-01-01" }), param: true },
  { route: "DELETE /api/classes/[id]/assignments", who: "instructor", path: (f, p) => `/api/classes/${p ?? f.klass.id}/assignments`, body: (f) => ({ id: f.klass.assignment }), param: true },
];
/** next-auth's catch-all takes a form (POST) and its path (both); fuzzed on their own below. */
const AUTH_ROUTES = ["GET /api/auth/[...nextauth]", "POST /api/auth/[...nextauth]"];
/** Routes that read nothing from the request but the caller's cookies. */
const NO_INPUT = ["GET /api/health", "GET /api/account/export", "GET /api/review/count", "POST /api/session/claim"];

// Hostile values. Strings that are garbage wherever a field is not free text.
const MB = "x".repeat(1 << 20);
const HOSTILE_STRINGS = [
  "' OR 1=1 --",
  "'; DROP TABLE \"User\"; --",
  '" OR ""="',
  "1 UNION SELECT name FROM sqlite_master",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)",
  "{{7*7}}${7*7}",
  "../../../../etc/passwd",
  "\u0000",
  "nul\u0000byte",
  "\u202Egnp.exe",
  "\ud800",
  "a\udfffb",
  "",
  "   ",
  "x".repeat(5000),
  MB,
  "😀".repeat(40),
  "NaN",
  "-1",
  "1e309",
  "null",
  "__proto__",
  "constructor",
  "prototype",
  "2031-02-30",
  "9999-99-99T99:99:99Z",
];
/** Garbage even in free text: sizes no schema allows and unpaired surrogates; in names shown to others, hidden characters too. */
const HOSTILE_TEXT = ["\ud800 long enough text", "x".repeat(5000), MB];
const HOSTILE_DISPLAY_TEXT = [...HOSTILE_TEXT, "nick\u0000name", "\u202Eevil", "a\u0007b", "tab\tname", ""];

const hostileString = fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.string({ unit: "binary", maxLength: 64 }).map((s) => `~${s}`));
const deep = (depth: number, kind: "array" | "object"): Json => {
  let v: Json = 1;
  for (let i = 0; i < depth; i++) v = kind === "array" ? [v] : { a: v };
  return v;
};
const protoKey = fc.constantFrom("__proto__", "constructor", "prototype");
const anyJson: fc.Arbitrary<Json> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.double(),
  fc.integer(),
  hostileString,
  fc.array(fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>, { maxLength: 5 }),
  fc.constantFrom(deep(200, "array"), deep(200, "object"), deep(17, "object")),
);

/** A value of another JSON type than `like`, so it can never satisfy the field's schema. */
function otherType(like: Json): fc.Arbitrary<Json> {
  const kind = (v: Json) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);
  return anyJson.filter((v) => kind(v) !== kind(like));
}

/** The request body as text: JSON, except where a key must be the literal __proto__ (JSON.stringify of an object cannot write one). */
type BrokenBody = { text: string; why: string };

function brokenBodies(valid: Record<string, Json>, free: NonNullable<Target["free"]>): fc.Arbitrary<BrokenBody> {
  const fields = Object.keys(valid);
  const options: fc.Arbitrary<BrokenBody>[] = [
    // Not an object at all: arrays, strings, numbers, null, deep nesting.
    otherType({}).map((v) => ({ text: JSON.stringify(v), why: "not an object" })),
    // An extra key, including the prototype-pollution ones.
    fc.tuple(fc.oneof(protoKey, fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !fields.includes(k))), anyJson).map(([k, v]) => ({
      text: JSON.stringify(valid).replace(/^\{/, `{${JSON.stringify(k)}:${JSON.stringify(v)}${fields.length ? "," : ""}`),
      why: `extra key ${k}`,
    })),
    // Arrays of the valid body instead of the body.
    fc.integer({ min: 0, max: 3 }).map((n) => ({ text: JSON.stringify(Array.from({ length: n }, () => valid)), why: "an array of bodies" })),
  ];
  if (fields.length > 0) {
    const field = fc.constantFrom(...fields);
    options.push(
      // One field of the wrong type.
      field.chain((k) => otherType(valid[k]!).map((v) => ({ text: JSON.stringify({ ...valid, [k]: v }), why: `${k} of another type` }))),
      // A field that is not free text gets an injection, huge or malformed string; free text gets what no name may hold.
      field.chain((k) =>
        (free[k] ? fc.constantFrom(...(free[k] === "display" ? HOSTILE_DISPLAY_TEXT : HOSTILE_TEXT)) : typeof valid[k] === "string" ? hostileString : otherType(valid[k]!)).map((v) => ({
          text: JSON.stringify({ ...valid, [k]: v }),
          why: `${k} hostile`,
        })),
      ),
      // An object field replaced by one with a prototype key.
      fc.tuple(field, protoKey).map(([k, p]) => ({ text: JSON.stringify({ ...valid, [k]: null }).replace(`${JSON.stringify(k)}:null`, `${JSON.stringify(k)}:{${JSON.stringify(p)}:{"polluted":true}}`), why: `${k}.${p}` })),
    );
  }
  return fc.oneof(...options);
}

/** Bodies that are broken below JSON: bytes, encodings, Content-Types, sizes. */
function rawCases(valid: Record<string, Json> | undefined): { why: string; raw: string | Uint8Array; type: string | null }[] {
  const text = JSON.stringify(valid ?? {});
  const bytes = new TextEncoder().encode(text);
  // Invalid UTF-8 inside the JSON: the first string value's first character replaced by 0xff 0xfe.
  const at = text.indexOf(':"');
  const badUtf8 = at >= 0 ? Uint8Array.from([...bytes.slice(0, at + 2), 0xff, 0xfe, ...bytes.slice(at + 3)]) : Uint8Array.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]);
  return [
    { why: "empty body", raw: "", type: "application/json" },
    { why: "not JSON", raw: "this is not json", type: "application/json" },
    { why: "truncated JSON", raw: text.slice(0, -1), type: "application/json" },
    { why: "invalid UTF-8", raw: badUtf8, type: "application/json" },
    { why: "overlong UTF-8 encoding of a quote", raw: Uint8Array.from([...new TextEncoder().encode('{"a":"'), 0xc0, 0xa2, 0x22, 0x7d]), type: "application/json" },
    { why: "1 MB of JSON", raw: JSON.stringify({ ...(valid ?? {}), pad: MB }), type: "application/json" },
    { why: "1 MB of random bytes", raw: Uint8Array.from({ length: 1 << 20 }, (_, i) => (i * 2654435761) >>> 24), type: "application/json" },
    { why: "valid body as text/plain", raw: text, type: "text/plain" },
    { why: "valid body as a form", raw: text, type: "application/x-www-form-urlencoded" },
    { why: "valid body without Content-Type", raw: text, type: null },
    { why: "valid body as multipart", raw: `--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n${text}\r\n--x--`, type: "multipart/form-data; boundary=x" },
  ];
}

/** Path parameters: injections, traversal, encodings, lengths. Sent percent-encoded as a browser would, and a few raw. */
const hostileParam = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS.filter((s) => s.length <= 5000 && s !== "")).map((s) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, "\ufffd"))),
  fc.constantFrom("%ff", "%c0%ae%c0%ae", "..%2f..%2fhealth", "a%00b", "%E2%80%AE", "x".repeat(4000), "null", "undefined", "0", "-1", "%25"),
  // Not "." or "..": fetch would resolve them away before the server sees the path.
  fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s !== "." && s !== "..").map((s) => encodeURIComponent(s)),
);
const hostileQueryValue = fc.oneof(fc.constantFrom(...HOSTILE_STRINGS.filter((s) => s.length <= 5000 && !/[\ud800-\udfff]/.test(s))), fc.string({ maxLength: 30 }).map((s) => `~${s}`));

function expectRefused(res: Sent, label: string) {
  expect(res.status, `${label}: ${res.status} ${res.text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
  expect(res.status, `${label}: ${res.status} ${res.text.slice(0, 200)}`).toBeLessThan(500);
  expect(typeof (res.json as { error?: unknown } | undefined)?.error, `${label}: a JSON error message, got ${res.text.slice(0, 200)}`).toBe("string");
}

describe("fuzzing every API input", () => {
  const witness = database(databaseUrl);
  let f: Fixture;
  let counts: Record<string, number>;
  const stamp = Date.now();

  beforeAll(async () => {
    const learner = await signUpLearner(baseUrl, "learner", `fuzz-${stamp}@example.com`, "Fuzz");
    const instructor = await signUpInstructor(baseUrl, databaseUrl, "instructor", `fuzz-host-${stamp}@example.com`, "Host");
    const admin = await signUpInstructor(baseUrl, databaseUrl, "admin", `fuzz-admin-${stamp}@example.com`, "Admin", "admin");
    const learnerId = ((await learner.get("/api/account/export")).json as { account: { id: string } }).account.id;
    const mock = (await learner.post("/api/mock", { minutes: 10, focus: "mixed", level: "junior" })).json as { id: string };
    const live = (await instructor.post("/api/live", { title: "Fuzz session", questionIds: [tf.id] })).json as { id: string; code: string };
    expect((await instructor.post(`/api/live/${live.id}/control`, { action: "start" })).status).toBe(200);
    expect((await learner.post("/api/live/join", { code: live.code, nickname: "Fuzzy" })).status).toBe(201);
    const klass = (await instructor.post("/api/classes", { name: "Fuzz class" })).json as { id: string; code: string };
    const assignment = (await instructor.post(`/api/classes/${klass.id}/assignments`, { kind: "lesson", target: "acks", dueAt: "2031-01-01" })).json as { id: string };
    f = { learner, instructor, admin, visitor: new Client(baseUrl, "visitor", false), mock: mock.id, learnerId, live, klass: { ...klass, assignment: assignment.id } };
  });
  afterAll(() => witness.close());

  /** Sends one request and checks it was refused and nothing was stored. */
  async function refused(who: Who, method: string, path: string, opts: Parameters<Client["request"]>[2], label: string) {
    const res = await f[who].request(method, path, opts);
    expectRefused(res, label);
    expect(await witness.counts(), `${label}: row counts changed`).toEqual(counts);
  }

  it("every route that takes input is fuzzed here", () => {
    expect(new Set([...TARGETS.map((t) => t.route), ...AUTH_ROUTES, ...NO_INPUT])).toEqual(new Set(apiRoutes()));
  });

  for (const t of TARGETS) {
    const [method] = t.route.split(" ") as [string];
    it(`${t.route}: broken bodies, parameters and queries are refused with a message and store nothing`, async () => {
      counts = await witness.counts();
      const before = await witness.fingerprint();
      const query = (q: Record<string, string> | undefined) => (q ? `?${new URLSearchParams(q)}` : "");
      const stream = t.stream ? { streamMs: 3000 } : {};
      if (t.body) {
        const valid = t.body(f);
        await fc.assert(
          fc.asyncProperty(brokenBodies(valid, t.free ?? {}), async (b) => {
            await refused(t.who, method, t.path(f) + query(t.query), { raw: b.text, headers: { "content-type": "application/json" }, ...stream }, `${t.route} (${b.why})`);
          }),
          { seed: SEED, numRuns: 60, endOnFailure: true },
        );
        for (const c of rawCases(valid)) await refused(t.who, method, t.path(f) + query(t.query), { raw: c.raw, headers: c.type ? { "content-type": c.type } : {}, ...stream }, `${t.route} (${c.why})`);
      }
      if (t.param) {
        const body = t.body ? { json: t.body(f) } : {};
        await fc.assert(
          fc.asyncProperty(hostileParam, async (p) => {
            await refused(t.who, method, t.path(f, p) + query(t.query), { ...body, ...stream }, `${t.route} with parameter ${p.slice(0, 60)}`);
          }),
          { seed: SEED, numRuns: 20, endOnFailure: true },
        );
      }
      if (t.query) {
        const keys = Object.keys(t.query);
        await fc.assert(
          fc.asyncProperty(fc.constantFrom(...keys), hostileQueryValue, async (k, v) => {
            await refused(t.who, method, t.path(f) + query({ ...t.query, [k]: v }), { ...stream }, `${t.route} with ${k}=${v.slice(0, 60)}`);
          }),
          { seed: SEED, numRuns: 15, endOnFailure: true },
        );
      }
      expect(await witness.fingerprint(), `${t.route}: a table's contents changed`).toBe(before);
    });
  }

  it("next-auth's endpoints: broken forms and paths are refused with a message, sign no one in and store nothing", async () => {
    counts = await witness.counts();
    const before = await witness.fingerprint();
    const csrf = (await f.visitor.get("/api/auth/csrf")).json as { csrfToken: string };
    const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
    const send = async (path: string, raw: string | Uint8Array, type: string | null, label: string) => {
      const res = await f.visitor.request("POST", path, { raw, headers: type ? { "content-type": type } : {} });
      expectRefused(res, label);
      expect(res.headers.getSetCookie().some((c) => /session-token=[^;]/.test(c)), `${label}: signed in`).toBe(false);
      expect(await witness.counts(), `${label}: row counts changed`).toEqual(counts);
    };
    const field = fc.constantFrom("csrfToken", "email", "password", "callbackUrl", "json", "redirect", "__proto__", "constructor", "extra");
    await fc.assert(
      fc.asyncProperty(fc.dictionary(field, hostileQueryValue, { maxKeys: 6 }), async (fields) => {
        await send("/api/auth/callback/credentials", form(fields), "application/x-www-form-urlencoded", `sign-in form ${JSON.stringify(fields).slice(0, 120)}`);
      }),
      { seed: SEED, numRuns: 30, endOnFailure: true },
    );
    const good = { csrfToken: csrf.csrfToken, email: "nobody@example.com", password: "a long enough password", json: "true" };
    for (const [why, raw, type] of [
      ["JSON instead of a form", JSON.stringify(good), "application/json"],
      ["no Content-Type", form(good), null],
      ["a repeated field", `${form(good)}&email=other@example.com`, "application/x-www-form-urlencoded"],
      ["invalid UTF-8", Uint8Array.from([...new TextEncoder().encode(`${form(good)}&name=`), 0xff]), "application/x-www-form-urlencoded"],
      ["1 MB form", form({ ...good, password: MB }), "application/x-www-form-urlencoded"],
      ["a password longer than any allowed", form({ ...good, password: "x".repeat(201) }), "application/x-www-form-urlencoded"],
      ["no password", form({ csrfToken: csrf.csrfToken, email: "nobody@example.com" }), "application/x-www-form-urlencoded"],
      ["empty form", "", "application/x-www-form-urlencoded"],
    ] as const)
      await send("/api/auth/callback/credentials", raw, type, `sign-in: ${why}`);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("GET", "POST"), hostileParam, async (method, p) => {
        const res = await f.visitor.request(method, `/api/auth/${p}`, method === "POST" ? { raw: form(good), headers: { "content-type": "application/x-www-form-urlencoded" } } : {});
        expectRefused(res, `${method} /api/auth/${p.slice(0, 60)}`);
      }),
      { seed: SEED, numRuns: 20, endOnFailure: true },
    );
    expect(await witness.counts()).toEqual(counts);
    expect(await witness.fingerprint()).toBe(before);
  });

  it("a visitor's junk creates no guest: every learner route refuses it before identifying anyone", async () => {
    counts = await witness.counts();
    for (const t of TARGETS.filter((x) => x.who === "learner" && x.body))
      for (const c of rawCases(t.body!(f)).slice(0, 4)) {
        const res = await f.visitor.request(t.route.split(" ")[0]!, t.path(f), { raw: c.raw, headers: { "content-type": c.type ?? "" } });
        expectRefused(res, `visitor ${t.route} (${c.why})`);
        expect(res.headers.getSetCookie().some((s) => s.startsWith("lossless_guest=")), `${t.route}: a guest cookie for junk`).toBe(false);
      }
    expect(await witness.counts()).toEqual(counts);
  });
});
