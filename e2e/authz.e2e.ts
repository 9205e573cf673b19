/**
 * Authorization matrix: every API route and method and every page, as each kind of caller —
 * a visitor (no cookie), a guest (the anonymous identity made when a visitor answers), learners
 * A and B, instructors A and B. A owns the resources (learner A's interviews and answers,
 * instructor A's live session and class); B must get a 404/403 for them and only their own data
 * from self-scoped routes. The routes are read from app/ so a new one fails until it has a row.
 */
import { beforeAll, describe, expect, inject, it } from "vitest";
import { questionsForLesson } from "@/lib/content/questions";
import { Client, newGuest, signUpInstructor, signUpLearner, type RequestOptions, type Sent } from "./http";
import { apiRoutes, pageRoutes, serverActionFiles } from "./routes";

const baseUrl = inject("baseUrl");
const databaseUrl = inject("databaseUrl");

const ROLES = ["visitor", "guest", "learnerA", "learnerB", "instructorA", "instructorB"] as const;
type Role = (typeof ROLES)[number];
/** Strangers act first and owners last, so an owner's success also shows that nobody else changed their resource. */
const ORDER: Role[] = ["visitor", "learnerB", "instructorB", "guest", "learnerA", "instructorA"];

/** A status, or "→/path" for a redirect to that path (and query). */
type Expect = number | `→${string}`;

interface Fixture {
  clients: Record<Role, Client>;
  emails: Record<Role, string>;
  mockA: string;
  sharedToken: string;
  live: { id: string; code: string; title: string };
  klass: { id: string; code: string; name: string; assignment: string };
  answeredByA: string;
}

interface Row {
  /** The route as the file system names it: "POST /api/mock/[id]/answer" or "/[locale]/mock/[id]". */
  route: string;
  what: string;
  method: string;
  path: (f: Fixture) => string;
  options?: (f: Fixture, role: Role, client: Client) => RequestOptions | Promise<RequestOptions>;
  expect: Record<Role, Expect>;
  /** Each role acts as a newly made person of its kind (for deleting accounts and signing up). */
  fresh?: boolean;
  /** What the response must (not) contain, beyond its status. */
  check?: (res: Sent, role: Role, f: Fixture) => void;
}

/** One row of the table: the expectations in the column order of ROLES. */
function row(route: string, what: string, path: Row["path"], expected: [Expect, Expect, Expect, Expect, Expect, Expect], extra: Partial<Pick<Row, "options" | "fresh" | "check">> = {}): Row {
  const method = route.startsWith("/[locale]") ? "GET" : route.split(" ")[0]!;
  return { route, what, method, path, expect: Object.fromEntries(ROLES.map((r, i) => [r, expected[i]!])) as Record<Role, Expect>, ...extra };
}

const json = (body: unknown) => () => ({ json: body });
const ok200 = [200, 200, 200, 200, 200, 200] as [Expect, Expect, Expect, Expect, Expect, Expect];
const instructorOnly = (owner: number, other: number) => [403, 403, 403, 403, owner, other] as [Expect, Expect, Expect, Expect, Expect, Expect];
const signin = "→/en/signin" as const;
const join = "→/en/join" as const;
/** Whose account each role tries with a wrong password: someone else's, no account more than twice (sign-in is rate-limited per account). */
const VICTIM: Record<Role, Role> = { visitor: "learnerA", guest: "learnerB", learnerA: "learnerB", learnerB: "learnerA", instructorA: "instructorB", instructorB: "instructorA" };

/** A sign-in attempt with next-auth's CSRF token, as the sign-in form sends it, but a wrong password for another account. */
async function wrongPassword(f: Fixture, role: Role, client: Client): Promise<RequestOptions> {
  const csrf = await client.get("/api/auth/csrf");
  const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]!).find((c) => c.includes("csrf-token="));
  const [name, value] = cookie ? [cookie.slice(0, cookie.indexOf("=")), cookie.slice(cookie.indexOf("=") + 1)] : ["", ""];
  const form = new URLSearchParams({ csrfToken: (csrf.json as { csrfToken: string }).csrfToken, email: f.emails[VICTIM[role]], password: `wrong password of ${role}`, json: "true" });
  return { raw: form.toString(), headers: { "content-type": "application/x-www-form-urlencoded" }, cookies: name ? { [name]: value } : {} };
}
const emailOf = (res: Sent) => (res.json as { user?: { email?: string } }).user?.email;

const START = { minutes: 10, focus: "mixed", level: "junior" };
const tf = questionsForLesson("acks").filter((q) => q.type === "true-false");
const single = questionsForLesson("acks").find((q) => q.type === "single")!;

// prettier-ignore
const API: Row[] = [
  //  route                                       what                                   path                                              visitor guest  A     B     instrA instrB
  row("GET /api/health",                          "health check",                        () => "/api/health",                               ok200),
  row("GET /api/auth/[...nextauth]",              "own session only",                    () => "/api/auth/session",                         ok200,
      { check: (res, role, f) => expect(emailOf(res) ?? null).toBe(role.startsWith("learner") || role.startsWith("instructor") ? f.emails[role] : null) }),
  row("POST /api/auth/[...nextauth]",             "someone's account, wrong password",   () => "/api/auth/callback/credentials",            [401,   401,   401,  401,  401,   401],
      { options: wrongPassword, check: (res, role, f) => expect(res.headers.getSetCookie().some((c) => c.includes("session-token=") && !c.includes("session-token=;")), role).toBe(false) }),
  row("POST /api/signup",                         "sign up (fresh people)",              () => "/api/signup",                               [201,   201,   201,  201,  201,   201],
      { fresh: true, options: (_f, role) => ({ json: { email: `signup-${role}-${Date.now()}@example.com`, password: "a long enough password" } }) }),
  row("POST /api/session/claim",                  "claim a guest (none to claim)",       () => "/api/session/claim",                        ok200),
  row("GET /api/review/count",                    "own reviews only (60 days on)",       () => "/api/review/count",                         ok200,
      { options: () => ({ cookies: { "lossless-test-now": String(Date.now() + 60 * 86_400_000) } }), check: (res, role) => expect((res.json as { due: number }).due > 0, role).toBe(role === "learnerA") }),
  row("GET /api/quiz/state",                      "own answers only",                    () => "/api/quiz/state?lesson=acks&locale=en",     ok200,
      { check: (res, role, f) => expect((res.json as { answers: { questionId: string }[] }).answers.some((a) => a.questionId === f.answeredByA)).toBe(role === "learnerA") }),
  row("POST /api/progress",                       "own progress",                        () => "/api/progress",                             ok200, { options: json({ lesson: "acks", event: "read" }) }),
  row("POST /api/quiz/answer",                    "own answer",                          () => "/api/quiz/answer",                          ok200, { options: json({ questionId: tf[0]!.id, response: { value: true }, locale: "en" }) }),
  row("GET /api/account/export",                  "own data only",                       () => "/api/account/export",                       [404,   200,   200,  200,  200,   200],
      { check: (res, role, f) => {
          if (res.status !== 200) return;
          expect(res.text.includes(f.mockA), role).toBe(role === "learnerA");
          expect(res.text.includes(f.emails.learnerA), role).toBe(role === "learnerA");
          // A's live session and class, joined while signed in, are in A's export only.
          expect(res.text.includes(f.live.title) && res.text.includes(f.klass.name), role).toBe(role === "learnerA");
          if (role !== "guest") expect((res.json as { account: { email: string } }).account.email).toBe(f.emails[role]);
        } }),
  row("POST /api/account/delete",                 "delete own account (fresh people)",   () => "/api/account/delete",                       [404,   200,   200,  200,  200,   200],
      { fresh: true, options: json({ confirm: "delete" }) }),

  // A mock interview belongs to the learner who started it.
  row("POST /api/mock",                           "start or resume own interview",       () => "/api/mock",                                 [201,   201,   200,  201,  201,   201],
      { options: json(START), check: (res, role, f) => expect((res.json as { id: string }).id === f.mockA, role).toBe(role === "learnerA") }),
  row("GET /api/mock/[id]",                       "read learner A's interview",          (f) => `/api/mock/${f.mockA}?locale=en`,           [404,   404,   200,  404,  404,   404]),
  row("POST /api/mock/[id]/answer",               "answer learner A's interview",        (f) => `/api/mock/${f.mockA}/answer`,              [404,   404,   200,  404,  404,   404],
      { options: json({ position: 0, skip: true, locale: "en" }), check: (res, role) => role === "learnerA" && expect((res.json as { state: { position: number } }).state.position).toBe(1) }),
  row("POST /api/mock/[id]/share",                "share A's running interview",         (f) => `/api/mock/${f.mockA}/share`,               [404,   404,   409,  404,  404,   404], { options: json({ enabled: true }) }),
  row("POST /api/mock/[id]/end",                  "end learner A's interview",           (f) => `/api/mock/${f.mockA}/end`,                 [404,   404,   200,  404,  404,   404], { options: json({}) }),
  row("POST /api/mock/[id]/share",                "share A's finished interview",        (f) => `/api/mock/${f.mockA}/share`,               [404,   404,   200,  404,  404,   404], { options: json({ enabled: false }) }),

  // A live session belongs to its host; learners are in it once they joined (guest and learner A).
  row("POST /api/live",                           "create a live session",               () => "/api/live",                                 instructorOnly(201, 201), { options: json({ title: "another", questionIds: [tf[0]!.id] }) }),
  row("GET /api/live/[id]/events",                "host feed of A's session",            (f) => `/api/live/${f.live.id}/events`,            instructorOnly(200, 404),
      { options: () => ({ streamMs: 3000 }), check: (res, role, f) => expect(res.text.includes(f.live.code), role).toBe(role === "instructorA") }),
  row("POST /api/live/[id]/control",              "start A's session",                   (f) => `/api/live/${f.live.id}/control`,           instructorOnly(200, 404), { options: json({ action: "start" }) }),
  row("GET /api/live/join/[code]/events",         "learner feed (joined only)",          (f) => `/api/live/join/${f.live.code}/events`,     [403,   200,   200,  403,  403,   403], { options: () => ({ streamMs: 3000 }) }),
  row("POST /api/live/join/[code]/answer",        "answer (joined only)",                (f) => `/api/live/join/${f.live.code}/answer`,     [403,   200,   200,  403,  403,   403],
      { options: json({ itemIndex: 0, response: { value: true }, locale: "en" }), check: (res, role) => res.status === 200 && expect(res.json, role).toEqual({ accepted: true }) }),
  row("GET /api/live/[id]/csv",                   "CSV of A's session",                  (f) => `/api/live/${f.live.id}/csv`,               instructorOnly(200, 404),
      { check: (res, role) => expect(res.text.includes('"Gus"'), role).toBe(role === "instructorA") }),
  row("POST /api/live/join",                      "join by code (open to all)",          () => "/api/live/join",                            [201,   200,   200,  201,  201,   201],
      { options: (f, role) => ({ json: { code: f.live.code, nickname: `n-${role}` } }) }),

  // A class belongs to its instructor; anyone signed in may join it by its code.
  row("POST /api/classes",                        "create a class",                      () => "/api/classes",                              instructorOnly(201, 201), { options: json({ name: "another class" }) }),
  row("POST /api/classes/[id]/assignments",       "assign in A's class",                 (f) => `/api/classes/${f.klass.id}/assignments`,   instructorOnly(201, 404), { options: json({ kind: "lesson", target: "isr", dueAt: "2031-01-01" }) }),
  row("DELETE /api/classes/[id]/assignments",     "remove from A's class",               (f) => `/api/classes/${f.klass.id}/assignments`,   instructorOnly(200, 404), { options: (f) => ({ json: { id: f.klass.assignment } }) }),
  // Roles are changed by admins only (e2e/admin.e2e.ts has the admin's side).
  row("PATCH /api/admin/users/[id]",              "change learner A's role",             () => "/api/admin/users/someone",                  [403,   403,   403,  403,  403,   403], { options: json({ role: "instructor" }) }),
  row("POST /api/classes/join",                   "join a class by code",                () => "/api/classes/join",                         [401,   401,   200,  200,  200,   200], { options: (f) => ({ json: { code: f.klass.code } }) }),
];

// prettier-ignore
const PAGES: Row[] = [
  //  route                                   what                          path                                            visitor  guest    A        B        instrA   instrB
  row("/[locale]",                            "home",                       () => "/en",                                     ok200),
  row("/[locale]/[...rest]",                  "unknown page",               () => "/en/no-such-page",                        [404,    404,     404,     404,     404,     404]),
  row("/[locale]/lessons",                    "lessons",                    () => "/en/lessons",                             ok200),
  row("/[locale]/lessons/[slug]",             "a lesson",                   () => "/en/lessons/acks",                        ok200),
  row("/[locale]/lessons/[slug]/quiz",        "a lesson's quiz",            () => "/en/lessons/acks/quiz",                   ok200),
  row("/[locale]/practice",                   "practice",                   () => "/en/practice?lesson=acks",                ok200),
  row("/[locale]/lab",                        "lab",                        () => "/en/lab",                                 ok200),
  row("/[locale]/signin",                     "sign in",                    () => "/en/signin",                              ok200),
  row("/[locale]/signup",                     "sign up",                    () => "/en/signup",                              ok200),
  row("/[locale]/review",                     "own reviews",                () => "/en/review",                              ok200),
  row("/[locale]/dashboard",                  "own dashboard",              () => "/en/dashboard",                           ok200,
      { check: (res, role, f) => expect(res.text.includes(f.mockA), role).toBe(role === "learnerA") }),
  row("/[locale]/mock",                       "own interviews",             () => "/en/mock",                                ok200,
      { check: (res, role, f) => expect(res.text.includes(f.mockA), role).toBe(role === "learnerA") }),
  row("/[locale]/mock/[id]",                  "learner A's interview",      (f) => `/en/mock/${f.mockA}`,                    [404,    404,     200,     404,     404,     404]),
  row("/[locale]/mock/shared/[token]",        "a shared report (by link)",  (f) => `/en/mock/shared/${f.sharedToken}`,       ok200),
  row("/[locale]/mock/shared/[token]",        "a wrong share link",         () => "/en/mock/shared/AAAAAAAAAAAAAAAAAAAAAAAA", [404,   404,     404,     404,     404,     404]),
  row("/[locale]/join",                       "join a live session",        () => "/en/join",                                ok200),
  row("/[locale]/join/[code]",                "live screen (joined only)",  (f) => `/en/join/${f.live.code}`,                [`→/en/join?code=`, 200, 200, `→/en/join?code=`, `→/en/join?code=`, `→/en/join?code=`]),
  row("/[locale]/classes/join",               "class invite",               (f) => `/en/classes/join?code=${f.klass.code}`,  ok200),
  row("/[locale]/admin",                      "accounts (admins only)",     () => "/en/admin",                               [signin, signin,  404,     404,     404,     404]),
  row("/[locale]/teach",                      "instructor home",            () => "/en/teach",                               [signin, signin,  join,    join,    200,     200],
      { check: (res, role, f) => expect(res.text.includes(f.live.title), role).toBe(role === "instructorA") }),
  row("/[locale]/teach/live/[id]",            "host screen of A's session", (f) => `/en/teach/live/${f.live.id}`,            [signin, signin,  join,    join,    200,     404]),
  row("/[locale]/teach/classes/[id]",         "A's class report",           (f) => `/en/teach/classes/${f.klass.id}`,        [signin, signin,  join,    join,    200,     404]),
];

async function freshClient(role: Role, stamp: string): Promise<Client> {
  const tag = `${role}-${stamp}-${Math.random().toString(36).slice(2, 8)}`;
  if (role === "visitor") return new Client(baseUrl, role, false);
  if (role === "guest") return newGuest(baseUrl, role);
  if (role.startsWith("learner")) return signUpLearner(baseUrl, role, `fresh-${tag}@example.com`, "Fresh");
  return signUpInstructor(baseUrl, databaseUrl, role, `fresh-${tag}@example.com`, "Fresh");
}

function assertExpected(res: Sent, expected: Expect, label: string) {
  if (typeof expected === "number") expect(res.status, `${label}: ${res.text.slice(0, 200)}`).toBe(expected);
  else {
    expect([303, 307, 308], `${label}: ${res.status}`).toContain(res.status);
    const to = new URL(res.location!, baseUrl);
    expect(`${to.pathname}${to.search}`, label).toMatch(new RegExp(`^${expected.slice(1).replace(/[?]/g, "\\?")}`));
  }
  // An API's refusal says why, as JSON.
  if (label.includes(" /api/") && res.status >= 400 && !label.includes("/api/auth/")) expect(typeof (res.json as { error?: unknown })?.error, `${label}: ${res.text.slice(0, 200)}`).toBe("string");
}

async function runRow(r: Row, f: Fixture, stamp: string) {
  for (const role of ORDER) {
    const client = r.fresh ? await freshClient(role, stamp) : f.clients[role];
    const res = await client.request(r.method, r.path(f), (await r.options?.(f, role, client)) ?? {});
    const label = `${role} ${r.method} ${r.path(f)} (${r.what})`;
    assertExpected(res, r.expect[role], label);
    r.check?.(res, role, f);
  }
}

describe("authorization matrix", () => {
  const stamp = String(Date.now());
  let f: Fixture;

  beforeAll(async () => {
    const emails = Object.fromEntries(ROLES.map((r) => [r, `${r.toLowerCase()}-${stamp}@example.com`])) as Record<Role, string>;
    const clients: Record<Role, Client> = {
      visitor: new Client(baseUrl, "visitor", false),
      guest: await newGuest(baseUrl, "guest"),
      learnerA: await signUpLearner(baseUrl, "learnerA", emails.learnerA, "Ann"),
      learnerB: await signUpLearner(baseUrl, "learnerB", emails.learnerB, "Ben"),
      instructorA: await signUpInstructor(baseUrl, databaseUrl, "instructorA", emails.instructorA, "Ida"),
      instructorB: await signUpInstructor(baseUrl, databaseUrl, "instructorB", emails.instructorB, "Ivo"),
    };
    const A = clients.learnerA;
    const must = async (p: Promise<Sent>, status: number) => {
      const res = await p;
      expect(res.status, res.text.slice(0, 300)).toBe(status);
      return res.json as Record<string, string>;
    };
    await must(A.post("/api/quiz/answer", { questionId: single.id, response: { choice: single.answer }, locale: "en" }), 200);
    // A finished and shared interview, then a running one.
    const first = await must(A.post("/api/mock", START), 201);
    await must(A.post(`/api/mock/${first.id}/end`, {}), 200);
    const shared = await must(A.post(`/api/mock/${first.id}/share`, { enabled: true }), 200);
    const mock = await must(A.post("/api/mock", START), 201);
    const title = `Authz session ${stamp}`;
    const live = await must(clients.instructorA.post("/api/live", { title, questionIds: tf.slice(0, 2).map((q) => q.id) }), 201);
    await must(clients.guest.post("/api/live/join", { code: live.code, nickname: "Gus" }), 201);
    await must(A.post("/api/live/join", { code: live.code, nickname: "Ann" }), 201);
    const className = `Authz class ${stamp}`;
    const klass = await must(clients.instructorA.post("/api/classes", { name: className }), 201);
    const assignment = await must(clients.instructorA.post(`/api/classes/${klass.id}/assignments`, { kind: "lesson", target: "acks", dueAt: "2031-01-01" }), 201);
    await must(A.post("/api/classes/join", { code: klass.code }), 200);
    f = {
      clients,
      emails,
      mockA: mock.id!,
      sharedToken: shared.shareToken!,
      live: { id: live.id!, code: live.code!, title },
      klass: { id: klass.id!, code: klass.code!, name: className, assignment: assignment.id! },
      answeredByA: single.id,
    };
  });

  it("covers every API route and method, every page, and there are no server actions", () => {
    expect(new Set(API.map((r) => r.route))).toEqual(new Set(apiRoutes()));
    expect(new Set(PAGES.map((r) => r.route))).toEqual(new Set(pageRoutes()));
    // Server actions would be endpoints too: each needs rows here before it exists.
    expect(serverActionFiles()).toEqual([]);
  });

  // Pages first: the API rows below start the live session and let everyone join it.
  it("pages: each role gets the page, a redirect to sign in or join, or a 404", async () => {
    for (const r of PAGES) await runRow(r, f, stamp);
  });

  it("APIs: owners act, strangers get 404 (learners' things) or 403 (instructor APIs), self-scoped routes show only one's own data", async () => {
    for (const r of API) await runRow(r, f, stamp);
  });
});
