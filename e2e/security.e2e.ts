/**
 * Security as a browser sees it: the headers on pages, API responses and static files; the main
 * journeys run under the Content-Security-Policy with no violation and hydrate; cookies are
 * HttpOnly and SameSite; repeated wrong passwords are refused with a message in both languages
 * (and 429 + Retry-After on the API); user-chosen names render as text (decision 014).
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { CURRICULUM } from "@/lib/content/curriculum";
import { questionsForLesson } from "@/lib/content/questions";
import { getDictionary } from "@/lib/i18n";
import { useBrowser } from "./browser";

const baseUrl = inject("baseUrl");
const databaseUrl = inject("databaseUrl");
const browser = useBrowser();
const PASSWORD = "a long enough password";
const HOSTILE = "<img src=x onerror=alert(1)>";

function createUser(email: string, role: "learner" | "instructor", name: string) {
  const root = path.join(import.meta.dirname, "..");
  const r = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/user-create.ts", "--email", email, "--role", role, "--password", PASSWORD, "--name", name], { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`user:create failed: ${(r.stderr || r.stdout).split("\n").slice(0, 5).join(" / ")}`);
}

/**
 * A browser context that records every CSP violation (the DOM event in pages, Chromium's console
 * report in pages and workers), every uncaught error and every dialog (an injected alert()).
 */
async function watchedContext(b: Browser, viewport = { width: 1280, height: 900 }) {
  const context = await b.newContext({ viewport });
  const problems: string[] = [];
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  const watch = (page: Page) => {
    page.on("console", (m) => {
      if (/Content Security Policy|CSP violation/i.test(m.text())) problems.push(`${page.url()}: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`${page.url()}: ${e.message}`));
    page.on("dialog", (d) => {
      problems.push(`${page.url()}: dialog ${d.type()} "${d.message()}"`);
      void d.dismiss();
    });
    page.on("worker", (w) => w.on("console", (m) => /Content Security Policy/i.test(m.text()) && problems.push(`worker ${w.url()}: ${m.text()}`)));
  };
  context.on("page", watch);
  return { context, problems };
}

/** React has hydrated the page: its fibres are attached to the server-rendered elements. */
async function expectHydrated(page: Page) {
  await expect.poll(() => page.evaluate(() => Object.keys(document.querySelector("main")!).some((k) => k.startsWith("__reactFiber")))).toBe(true);
}

async function signIn(context: BrowserContext, locale: "en" | "zh", email: string, password: string): Promise<Page> {
  const t = getDictionary(locale);
  const page = await context.newPage();
  await page.goto(`${baseUrl}/${locale}/signin`);
  await page.waitForLoadState("networkidle");
  await page.getByLabel(t.auth.email).fill(email);
  await page.getByLabel(t.auth.password, { exact: true }).fill(password);
  await page.getByRole("button", { name: t.auth.submitSignIn }).click();
  return page;
}

function expectSecurityHeaders(headers: Record<string, string>, what: string) {
  const csp = headers["content-security-policy"];
  expect(csp, what).toBeDefined();
  expect(csp, what).not.toContain("unsafe-eval");
  for (const d of ["default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'", "worker-src 'self'"]) expect(csp, what).toContain(d);
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["x-frame-options"], what).toBe("DENY");
  expect(headers["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"], what).toContain("camera=()");
  // Served over plain HTTP here (NEXTAUTH_URL http://localhost): no HSTS.
  expect(headers["strict-transport-security"], what).toBeUndefined();
}

describe("security headers and cookies", () => {
  it("every kind of response carries the headers, and the CSP allows no eval", async () => {
    const context = await browser.current.newContext();
    const page = await context.request.get(`${baseUrl}/en`);
    expectSecurityHeaders(page.headers(), "page");
    const html = await page.text();
    const script = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const responses = {
      lesson: await context.request.get(`${baseUrl}/en/lessons/acks`),
      api: await context.request.get(`${baseUrl}/api/health`),
      "api error": await context.request.post(`${baseUrl}/api/signup`, { data: "{" }),
      "static script": await context.request.get(`${baseUrl}${script}`),
      "static icon": await context.request.get(`${baseUrl}/icon.svg`),
      "not found": await context.request.get(`${baseUrl}/en/no-such-page`),
    };
    for (const [what, res] of Object.entries(responses)) {
      expect(res.status(), what).toBeLessThan(500);
      expectSecurityHeaders(res.headers(), what);
    }
    await context.close();
  });

  it("next-auth's and the guest's cookies are HttpOnly and SameSite=Lax", async () => {
    const context = await browser.current.newContext();
    const csrf = await context.request.get(`${baseUrl}/api/auth/csrf`);
    const answer = await context.request.post(`${baseUrl}/api/progress`, { data: { lesson: "acks", event: "started" } });
    expect(answer.status()).toBeLessThan(300);
    const setCookies = [...csrf.headersArray(), ...answer.headersArray()].filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value);
    expect(setCookies.some((c) => c.startsWith("next-auth.csrf-token="))).toBe(true);
    expect(setCookies.some((c) => c.startsWith("lossless_guest="))).toBe(true);
    for (const c of setCookies) {
      expect(c, c).toMatch(/;\s*HttpOnly/i);
      expect(c, c).toMatch(/;\s*SameSite=Lax/i);
      expect(c, c).not.toMatch(/;\s*Secure/i);
    }
    for (const c of await context.cookies()) {
      expect(c.httpOnly, c.name).toBe(true);
      expect(c.sameSite, c.name).toBe("Lax");
    }
    await context.close();
  });
});

describe("the pages run under the Content-Security-Policy", () => {
  it("home, a lesson's simulation, its quiz, the Lab, a mock interview: no violation, hydrated", async () => {
    const t = getDictionary("en");
    const { context, problems } = await watchedContext(browser.current);
    const page = await context.newPage();

    await page.goto(`${baseUrl}/en`);
    await expectHydrated(page);

    await page.goto(`${baseUrl}/en/lessons/acks`);
    await expectHydrated(page);
    // A player starts when its place comes near the screen, as a learner scrolls to it.
    await page.locator(".sim-slot").first().scrollIntoViewIfNeeded();
    const sim = page.locator(".sim:not(.sim-placeholder)").first();
    await sim.getByRole("button", { name: t.sim.toEnd }).click();
    await sim.locator('[data-audit="lostAcknowledged"]').waitFor();

    await page.goto(`${baseUrl}/en/lessons/acks/quiz`);
    await page.waitForLoadState("networkidle");
    await expectHydrated(page);
    const q = questionsForLesson("acks").find((x) => x.type === "true-false")!;
    const form = page.locator(`form[data-question="${q.id}"]`);
    await form.locator("label.option", { hasText: q.type === "true-false" && q.answer ? t.quiz.true : t.quiz.false }).first().click();
    await form.getByRole("button", { name: t.quiz.submit }).click();
    await form.locator(".quiz-result").waitFor();

    await page.goto(`${baseUrl}/en/lab?preset=acks-1-leader-crash`);
    await page.locator(".sim-controls").waitFor();
    await expectHydrated(page);
    await page.getByRole("button", { name: t.sim.toEnd }).click();
    await expect.poll(async () => Number(await page.locator('[data-audit="lostAcknowledged"]').textContent())).toBeGreaterThan(0);

    await page.goto(`${baseUrl}/en/mock`);
    await page.waitForLoadState("networkidle");
    await expectHydrated(page);
    await page.getByLabel(t.mock.minutes.replace("{n}", "10")).check();
    await page.getByRole("button", { name: t.mock.start }).click();
    await page.waitForURL(/\/en\/mock\/[a-z0-9]+$/);
    await page.locator("[data-time-left]").waitFor();
    await page.locator("form.quiz-question").waitFor();

    expect(problems).toEqual([]);
    await context.close();
  });

  it("every lesson and the other pages, in both languages, load without a violation", async () => {
    const { context, problems } = await watchedContext(browser.current);
    const page = await context.newPage();
    for (const locale of ["en", "zh"] as const) {
      // Lessons differ in their content, not by language: every lesson once, the rest in both.
      const paths = [...(locale === "en" ? CURRICULUM.map((slug) => `/lessons/${slug}`) : ["/lessons/acks"]), "/lessons", "/practice", "/review", "/dashboard", "/signin", "/signup", "/join", "/lab"];
      for (const p of paths) {
        const res = await page.goto(`${baseUrl}/${locale}${p}`, { waitUntil: "networkidle" });
        expect(res?.status(), p).toBe(200);
      }
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it("a live session: names chosen by people render as text on the learner's, the host's and the class pages", async () => {
    const t = getDictionary("en");
    const stamp = Date.now();
    createUser(`sec-host-${stamp}@example.com`, "instructor", HOSTILE);
    const host = await watchedContext(browser.current);
    const hostPage = await signIn(host.context, "en", `sec-host-${stamp}@example.com`, PASSWORD);
    await hostPage.waitForURL("**/en/dashboard");
    const q = questionsForLesson("acks").find((x) => x.type === "true-false")!;
    const created = await host.context.request.post(`${baseUrl}/api/live`, { data: { title: HOSTILE, questionIds: [q.id], leaderboard: "correct" } });
    expect(created.status()).toBe(201);
    const { id, code } = (await created.json()) as { id: string; code: string };
    const klass = await host.context.request.post(`${baseUrl}/api/classes`, { data: { name: HOSTILE } });
    expect(klass.status()).toBe(201);
    const { id: classId, code: classCode } = (await klass.json()) as { id: string; code: string };

    // A learner whose display name is hostile signs up, signs in and joins with a hostile nickname.
    const learner = await watchedContext(browser.current, { width: 390, height: 844 });
    const learnerEmail = `sec-learner-${stamp}@example.com`;
    expect((await learner.context.request.post(`${baseUrl}/api/signup`, { data: { email: learnerEmail, password: PASSWORD, name: HOSTILE } })).status()).toBe(201);
    const phone = await signIn(learner.context, "en", learnerEmail, PASSWORD);
    await phone.waitForURL("**/en/dashboard");
    // The account menu asks for the session once the page has loaded.
    await phone.locator("header").getByText(HOSTILE, { exact: false }).waitFor();
    expect(await phone.locator("header").textContent()).toContain(HOSTILE);
    await phone.goto(`${baseUrl}/en/join?code=${code}`);
    await phone.waitForLoadState("networkidle");
    await expectHydrated(phone);
    await phone.getByLabel(t.live.nickname).fill(HOSTILE);
    await phone.getByRole("button", { name: t.live.join }).click();
    await phone.waitForURL(new RegExp(`/en/join/${code}$`));
    await phone.getByText(t.live.waiting).waitFor();
    await expectHydrated(phone);
    expect(await phone.locator("main").textContent()).toContain(HOSTILE);

    // The host starts and reveals: the leaderboard names the learner.
    await hostPage.goto(`${baseUrl}/en/teach/live/${id}`);
    await hostPage.locator('[data-joined="1"]').waitFor();
    await expectHydrated(hostPage);
    await hostPage.getByRole("button", { name: t.live.start }).click();
    const form = phone.locator(`form[data-question="${q.id}"]`);
    await form.locator("label.option", { hasText: t.quiz.true }).first().click();
    await form.getByRole("button", { name: t.live.submit }).click();
    await form.locator("[data-sent]").waitFor();
    await hostPage.locator('[data-answered="1"]').waitFor();
    await hostPage.getByRole("button", { name: t.live.reveal }).click();
    await phone.locator("[data-result]").waitFor();
    await expect.poll(() => hostPage.locator("main").textContent()).toContain(`${HOSTILE} · `);

    // The class page and a member's dashboard show the class name as text.
    expect((await host.context.request.post(`${baseUrl}/api/classes/${classId}/assignments`, { data: { kind: "lesson", target: "acks", dueAt: "2030-12-01" } })).status()).toBeLessThan(300);
    expect((await learner.context.request.post(`${baseUrl}/api/classes/join`, { data: { code: classCode } })).status()).toBeLessThan(300);
    await hostPage.goto(`${baseUrl}/en/teach/classes/${classId}`);
    expect(await hostPage.locator("h1").textContent()).toBe(HOSTILE);
    await phone.goto(`${baseUrl}/en/dashboard`);
    await expectHydrated(phone);
    expect(await phone.locator("main").textContent()).toContain(HOSTILE);

    for (const page of [phone, hostPage]) expect(await page.locator('img[src="x"]').count(), page.url()).toBe(0);
    // The learner's cookies: the rejoin cookie and next-auth's session, both out of scripts' reach.
    const jar = await learner.context.cookies();
    expect(jar.map((c) => c.name)).toEqual(expect.arrayContaining([`lossless_live_${code}`, "next-auth.session-token"]));
    for (const c of jar) expect([c.name, c.httpOnly, c.sameSite]).toEqual([c.name, true, "Lax"]);
    expect([...host.problems, ...learner.problems]).toEqual([]);
    await host.context.close();
    await learner.context.close();
  });
});

describe.each(["en", "zh"] as const)("sign-in and sign-up limits in %s", (locale) => {
  const t = getDictionary(locale);

  it("after 5 wrong passwords even the right one is refused, with the wait in minutes; the API says 429", async () => {
    const email = `sec-limit-${locale}-${Date.now()}@example.com`;
    createUser(email, "learner", "Limit");
    const context = await browser.current.newContext();
    const page = await signIn(context, locale, email, "wrong password 1");
    const alert = page.locator("form .alert[role=alert]");
    await expect.poll(() => alert.textContent()).toBe(t.auth.invalidCredentials);
    for (let i = 2; i <= 5; i++) {
      await page.getByLabel(t.auth.password, { exact: true }).fill(`wrong password ${i}`);
      await page.getByRole("button", { name: t.auth.submitSignIn }).click();
      await page.getByRole("button", { name: t.auth.submitSignIn }).waitFor();
      await expect.poll(() => page.getByRole("button", { name: t.auth.submitSignIn }).isEnabled()).toBe(true);
      expect(await alert.textContent()).toBe(t.auth.invalidCredentials);
    }
    await page.getByLabel(t.auth.password, { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: t.auth.submitSignIn }).click();
    await expect.poll(() => alert.textContent()).toBe(t.auth.tooManyAttempts.replace("{minutes}", "15"));
    expect(page.url()).toMatch(/\/signin$/);

    // The same refusal over HTTP, as next-auth's client sends it.
    const { csrfToken } = (await (await context.request.get(`${baseUrl}/api/auth/csrf`)).json()) as { csrfToken: string };
    const res = await context.request.post(`${baseUrl}/api/auth/callback/credentials`, { form: { email, password: PASSWORD, csrfToken, json: "true" } });
    expect(res.status()).toBe(429);
    expect(Number(res.headers()["retry-after"])).toBeGreaterThan(800);
    const body = (await res.json()) as { url: string; error: string };
    expect(body.error).toMatch(/^too many attempts — try again in 15 minutes$/);
    expect(new URL(body.url).searchParams.get("error")).toMatch(/^RateLimited:\d+$/);
    await context.close();
  });

  it("sign-up: after 5 attempts for one email the form says to wait, and the API says 429", async () => {
    const email = `sec-signup-${locale}-${Date.now()}@example.com`;
    const context = await browser.current.newContext();
    expect((await context.request.post(`${baseUrl}/api/signup`, { data: { email, password: PASSWORD } })).status()).toBe(201);
    for (let i = 0; i < 4; i++) expect((await context.request.post(`${baseUrl}/api/signup`, { data: { email, password: PASSWORD } })).status()).toBe(409);
    const limited = await context.request.post(`${baseUrl}/api/signup`, { data: { email, password: PASSWORD } });
    expect(limited.status()).toBe(429);
    expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(800);
    expect(((await limited.json()) as { code: string }).code).toBe("rate-limited");
    const page = await context.newPage();
    await page.goto(`${baseUrl}/${locale}/signup`);
    await page.waitForLoadState("networkidle");
    await page.getByLabel(t.auth.email).fill(email);
    await page.getByLabel(t.auth.password, { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: t.auth.submitSignUp }).click();
    await expect.poll(() => page.locator("form .alert[role=alert]").textContent()).toBe(t.auth.tooManyAttempts.replace("{minutes}", "15"));
    await context.close();
  });
});
