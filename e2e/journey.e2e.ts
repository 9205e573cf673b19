/**
 * A new learner's journey, as a person would take it, in English and in Chinese: open the site,
 * reach the acks lesson, break the cluster in the simulation and see a lost message, answer one
 * question right and one wrong, sign up, and find the guest progress on the dashboard.
 */
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { questionsForLesson } from "@/lib/content";
import { getDictionary, type Locale } from "@/lib/i18n";
import type { Question } from "@/lib/quiz";
import { expectAccessible, useBrowser } from "./browser";

const baseUrl = inject("baseUrl");
const browser = useBrowser();

const questions = questionsForLesson("acks");
const singles = questions.filter((q): q is Extract<Question, { type: "single" }> => q.type === "single");

async function choose(page: Page, q: Extract<Question, { type: "single" }>, optionId: string, locale: Locale) {
  // The lesson's quiz is built when the reader comes near it.
  await page.locator(".quiz-slot").scrollIntoViewIfNeeded();
  const form = page.locator(`form[data-question="${q.id}"]`);
  const text = q.options.find((o) => o.id === optionId)!.text[locale];
  await form.getByLabel(new RegExp(`${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`)).check();
  await form.getByRole("button", { name: getDictionary(locale).quiz.submit }).click();
  const status = form.getByRole("status");
  await status.waitFor();
  return status;
}

describe.each(["en", "zh"] as const)("a new learner's journey (%s)", (locale) => {
  const t = getDictionary(locale);

  it("reads, breaks a cluster, answers, signs up and keeps the progress", async () => {
    const context = await browser.current.newContext({ locale: locale === "zh" ? "zh-CN" : "en-US", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const bodies: string[] = [];
    page.on("response", async (res) => {
      if (!res.url().startsWith(baseUrl)) return;
      try {
        bodies.push(await res.text());
      } catch {
        // redirects and aborted requests have no body
      }
    });

    // `/` sends the visitor to their language.
    await page.goto(`${baseUrl}/`);
    expect(new URL(page.url()).pathname).toBe(`/${locale}`);
    expect(await page.title()).toContain("Lossless");
    await expectAccessible(page);

    await page.getByRole("link", { name: new RegExp(`^${t.home.start.replace("{lesson}", "").replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`) }).click();
    // The first lesson of the curriculum; then on to acks, the lesson with questions.
    await page.waitForURL(`**/${locale}/lessons/replication`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.goto(`${baseUrl}/${locale}/lessons/acks`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    // A player starts when its place comes near the screen.
    await page.locator(".sim-slot").first().scrollIntoViewIfNeeded();
    await page.locator(".sim-controls").first().waitFor();
    await page.waitForLoadState("networkidle");
    await expectAccessible(page);

    // The answer-leak rule: before answering, neither the page nor any response holds a key or an explanation.
    const before = (await page.content()) + bodies.join("\n");
    for (const q of questions) for (const text of [q.explanation.en, q.explanation.zh]) expect(before).not.toContain(text);
    expect(before).not.toMatch(/"answer"\s*:/);

    // Break the cluster: acks=1 and a leader that dies before its followers catch up.
    await page.locator('.sim-slot[data-preset="acks-1-leader-crash"]').scrollIntoViewIfNeeded();
    const sim = page.locator('.sim[data-preset="acks-1-leader-crash"]');
    await sim.getByRole("button", { name: t.sim.toEnd }).click();
    const lost = sim.locator('[data-audit="lostAcknowledged"]');
    await lost.waitFor();
    expect(Number(await lost.textContent())).toBeGreaterThan(0);

    // One right, one wrong: each is graded by the server and explained.
    const [right, wrong] = [singles[0]!, singles[1]!];
    const ok = await choose(page, right, right.answer, locale);
    expect(await ok.textContent()).toContain(t.quiz.correct);
    expect(await ok.textContent()).toContain(right.explanation[locale]);
    const ko = await choose(page, wrong, wrong.options.find((o) => o.id !== wrong.answer)!.id, locale);
    expect(await ko.textContent()).toContain(t.quiz.incorrect);
    expect(await ko.textContent()).toContain(wrong.explanation[locale]);

    // Sign up: the guest's answers become the account's.
    await page.goto(`${baseUrl}/${locale}/signup`);
    await expectAccessible(page);
    await page.getByLabel(t.auth.name).fill(locale === "zh" ? "小林" : "Ada");
    await page.getByLabel(t.auth.email).fill(`learner-${locale}-${Date.now()}@example.com`);
    await page.getByLabel(t.auth.password, { exact: true }).fill("a long enough password");
    await page.getByRole("button", { name: t.auth.submitSignUp }).click();
    await page.waitForURL(`**/${locale}/dashboard`);
    await page.getByRole("heading", { level: 1, name: t.dashboard.title }).waitFor();
    await expect.poll(() => page.locator('[data-stat="answered"]').textContent()).toBe("2");
    expect(await page.locator('[data-lesson="acks"]').textContent()).toContain(t.lessons.started);
    // Mastery: one right answer out of the lesson's questions; the wrong answer's misconception is open.
    expect(await page.locator('[data-mastery="acks"]').textContent()).toContain(`${Math.round((1 / questions.length) * 100)}%`);
    await page.locator(`[data-misconception="${wrong.tags[0]}"]`).waitFor();
    // The header's account menu asks for the session once the page has loaded.
    await page.getByText(t.nav.signedInAs.replace("{name}", locale === "zh" ? "小林" : "Ada")).waitFor();
    expect(await page.getByText(t.nav.signedInAs.replace("{name}", locale === "zh" ? "小林" : "Ada")).count()).toBe(1);
    await expectAccessible(page);

    // Signing out returns the header to its signed-out state.
    await page.getByRole("button", { name: t.nav.signOut }).click();
    await page.getByRole("link", { name: t.nav.signIn }).waitFor();
    await context.close();
  });

  it("switches language on the same page, and signing in with a wrong password says so", async () => {
    const context = await browser.current.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/${locale}/lessons`);
    const other = locale === "en" ? "zh" : "en";
    await page.getByRole("link", { name: other === "zh" ? "中文" : "English" }).click();
    await page.waitForURL(`**/${other}/lessons`);
    // On a phone the lesson fits the screen: nothing scrolls sideways.
    await page.goto(`${baseUrl}/${locale}/lessons/acks`, { waitUntil: "networkidle" });
    await page.locator(".quiz-slot").scrollIntoViewIfNeeded();
    await page.locator("form.quiz-question").first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // An unknown page is a 404 in the visitor's language, inside the site.
    const missing = await page.goto(`${baseUrl}/${locale}/no-such-page`);
    expect(missing?.status()).toBe(404);
    expect(await page.locator("html").getAttribute("lang")).toBe(locale === "zh" ? "zh-CN" : "en");
    expect(await page.getByText(t.errors.notFound).count()).toBe(1);
    await expectAccessible(page);
    await page.goto(`${baseUrl}/${locale}/signin`);
    await page.getByLabel(t.auth.email).fill("nobody@example.com");
    await page.getByLabel(t.auth.password, { exact: true }).fill("wrong password");
    await page.getByRole("button", { name: t.auth.submitSignIn }).click();
    // (Next.js keeps an empty role=alert route announcer on every page: look for the form's own.)
    const alert = page.locator("form .alert[role=alert]");
    await alert.waitFor();
    expect(await alert.textContent()).toContain(t.auth.invalidCredentials);
    await expectAccessible(page);
    await context.close();
  });
});

describe("the HTTP API", () => {
  it("health is 200 with the database up", async () => {
    const res = await fetch(`${baseUrl}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, db: "ok" });
  });

  it("malformed answers are 400 with a message, unknown questions 404", async () => {
    const post = (body: string) => fetch(`${baseUrl}/api/quiz/answer`, { method: "POST", headers: { "content-type": "application/json" }, body });
    const notJson = await post("{");
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).error).toMatch(/JSON/);
    const bad = await post(JSON.stringify({ questionId: questions[0]!.id, response: { choice: 7 } }));
    expect(bad.status).toBe(400);
    const unknown = await post(JSON.stringify({ questionId: "nope", response: { choice: "a" } }));
    expect(unknown.status).toBe(404);
  });
});
