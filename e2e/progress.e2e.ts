/**
 * Progress over time: mastery moves on the dashboard after answering, a review falls due when the
 * (test) clock passes its date, a mock interview runs to its report, times out on the server,
 * can be shared, and a learner can export and delete their data. In both languages.
 */
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { findQuestion, questionsForLesson } from "@/lib/content/questions";
import { TEST_CLOCK_COOKIE } from "@/lib/clock";
import { getDictionary } from "@/lib/i18n";
import { expectAccessible, useBrowser } from "./browser";

const baseUrl = inject("baseUrl");
const browser = useBrowser();
const DAY = 86_400_000;

/** Moves this browser's server clock (honoured only by the test server, decision 011). */
async function setClock(context: BrowserContext, at: Date) {
  await context.addCookies([{ name: TEST_CLOCK_COOKIE, value: String(at.getTime()), url: baseUrl }]);
}

/** Answers a single or true-false question right by clicking its answer; returns false for other types. */
async function answerRight(page: Page, form: ReturnType<Page["locator"]>, id: string, t: ReturnType<typeof getDictionary>, locale: "en" | "zh"): Promise<boolean> {
  const q = findQuestion(id)!.question;
  if (q.type === "single") await form.locator("label.option", { hasText: q.options.find((o) => o.id === q.answer)!.text[locale] }).first().click();
  else if (q.type === "true-false") await form.locator("label.option", { hasText: q.answer ? t.quiz.true : t.quiz.false }).first().click();
  else return false;
  return true;
}

/** Opens a lesson's quiz, answers one question right and waits for the grading. */
async function answerInLessonQuiz(page: Page, lesson: string, id: string, t: ReturnType<typeof getDictionary>, locale: "en" | "zh") {
  await page.goto(`${baseUrl}/${locale}/lessons/${lesson}/quiz`);
  // Answer once the quiz is interactive (a click before hydration would submit the form natively).
  await page.waitForLoadState("networkidle");
  const form = page.locator(`form[data-question="${id}"]`);
  await answerRight(page, form, id, t, locale);
  await form.getByRole("button", { name: t.quiz.submit }).click();
  await form.locator(".quiz-result").waitFor();
}

describe.each(["en", "zh"] as const)("progress, review and mock interviews in %s", (locale) => {
  const t = getDictionary(locale);

  it("answering moves mastery on the dashboard, and the review falls due once the clock passes its date", async () => {
    const context = await browser.current.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/${locale}/dashboard`);
    expect(await page.title()).toContain(t.dashboard.title);
    expect((await page.locator('[data-mastery="acks"]').textContent())?.trim()).toBe("0%");

    const q = questionsForLesson("acks").find((x) => x.type === "single")!;
    await answerInLessonQuiz(page, "acks", q.id, t, locale);

    await page.goto(`${baseUrl}/${locale}/dashboard`);
    expect(Number((await page.locator('[data-mastery="acks"]').textContent())!.replace(/\D/g, ""))).toBeGreaterThan(0);
    expect(await page.locator('[data-stat="streak"]').textContent()).toBe("1");
    expect(await page.locator('[data-stat="due"]').textContent()).toBe("0");
    expect(await page.locator(".heatmap rect[data-count='1']").count()).toBe(1);
    expect(await page.locator(".quiz-history").textContent()).toContain(t.lessons.score.replace("{correct}", "1").replace("{total}", "1"));
    await expectAccessible(page);

    // Thirty days later the card is due: the dashboard, the header badge and the review page say so.
    await setClock(context, new Date(Date.now() + 30 * DAY));
    await page.goto(`${baseUrl}/${locale}/dashboard`);
    expect(await page.locator('[data-stat="due"]').textContent()).toBe("1");
    await page.locator("[data-review-due]").click();
    await page.waitForURL(new RegExp(`/${locale}/review$`));
    // A client-side navigation changes the URL before the new page (and its title) is rendered.
    await expect.poll(() => page.title()).toContain(t.review.title);
    await page.locator(".nav-badge[data-due='1']").waitFor();
    const due = page.locator(`form[data-question="${q.id}"]`);
    await due.waitFor();
    await answerRight(page, due, q.id, t, locale);
    await due.getByRole("button", { name: t.quiz.submit }).click();
    await due.locator(".quiz-result").waitFor();
    expect(await due.locator(".quiz-result .badge").textContent()).toContain(t.quiz.correct);
    await expectAccessible(page);
    await page.reload();
    expect(await page.locator("main").textContent()).toContain(t.review.nothing);
    await context.close();
  });

  it("a short mock interview runs to its report, resumes after a reload, and can be shared", async () => {
    const context = await browser.current.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${baseUrl}/${locale}/mock`);
    await page.waitForLoadState("networkidle");
    expect(await page.title()).toContain(t.mock.title);
    await page.getByLabel(t.mock.minutes.replace("{n}", "10")).check();
    await page.getByLabel(t.mock.focuses.consumer).check();
    await page.getByLabel(t.mock.levels.junior).check();
    await expectAccessible(page);
    await page.getByRole("button", { name: t.mock.start }).click();
    await page.waitForURL(new RegExp(`/${locale}/mock/[a-z0-9]+$`));
    const url = page.url();
    await page.locator("[data-time-left]").waitFor();
    expect(await page.locator("[data-time-left]").textContent()).toMatch(/^(10:00|9:5\d)$/);
    await expectAccessible(page);

    let answered = 0;
    for (let i = 0; i < 30; i++) {
      const form = page.locator("form.quiz-question");
      if ((await form.count()) === 0) break;
      const position = Number(await form.getAttribute("data-position"));
      const id = (await form.getAttribute("data-question"))!;
      expect(position).toBe(answered);
      // Follow-ups carry the interviewer's line; a topic's first question does not.
      if (position > 0 && (await page.locator(".mock-lead").count()) > 0) expect((await page.locator(".mock-lead").textContent())!.length).toBeGreaterThan(10);
      if (await answerRight(page, form, id, t, locale)) await form.getByRole("button", { name: t.mock.submit }).click();
      else await form.getByRole("button", { name: t.mock.skip }).click();
      answered++;
      await page.waitForFunction(([n]) => !document.querySelector(`form.quiz-question[data-position="${Number(n) - 1}"]`), [answered]);
      if (answered === 1) {
        // A reload resumes at the same place with the clock still running.
        await page.reload();
        await page.waitForFunction(() => document.querySelector("form.quiz-question") || document.querySelector("[data-reason]"));
        if ((await page.locator("form.quiz-question").count()) > 0) expect(await page.locator("form.quiz-question").getAttribute("data-position")).toBe("1");
      }
      await page.waitForFunction(() => document.querySelector("form.quiz-question") || document.querySelector("[data-reason]"));
    }
    await page.locator("[data-reason]").waitFor();
    expect(await page.locator("h1").textContent()).toBe(t.mock.reportTitle);
    expect(await page.locator("[data-reason]").getAttribute("data-reason")).toBe("completed");
    expect(await page.locator(".axis-table tbody tr").count()).toBe(5);
    expect(await page.locator(".mock-answers > li").count()).toBe(answered);
    // Wrong (skipped) answers come first, with their explanation.
    const wrong = page.locator('.mock-answers > li[data-correct="false"]');
    if ((await wrong.count()) > 0) expect(await wrong.first().textContent()).toContain(t.quiz.explanation);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(page);
    expect(errors).toEqual([]);

    // Share: another browser can read the shared report, but not the private one.
    await page.getByRole("button", { name: t.mock.shareOn }).click();
    const shared = await page.locator("input.share-url").inputValue();
    expect(shared).toMatch(new RegExp(`/${locale}/mock/shared/[A-Za-z0-9_-]{24}$`));
    const stranger = await browser.current.newContext();
    const other = await stranger.newPage();
    await other.goto(url);
    expect(await other.locator("main").textContent()).toContain(t.mock.notFound);
    const id = new URL(url).pathname.split("/").at(-1);
    for (const action of ["answer", "end", "share"]) {
      const body = action === "answer" ? { position: 0, skip: true } : action === "share" ? { enabled: true } : {};
      expect((await stranger.request.post(`${baseUrl}/api/mock/${id}/${action}`, { data: body })).status(), action).toBe(404);
    }
    await other.goto(shared);
    expect(await other.locator("h1").textContent()).toBe(t.mock.sharedTitle);
    expect(await other.locator(".mock-share").count()).toBe(0);
    await expectAccessible(other);
    await page.getByRole("button", { name: t.mock.shareOff }).click();
    await page.getByRole("button", { name: t.mock.shareOn }).waitFor();
    expect((await other.goto(shared))!.status()).toBe(404);
    await stranger.close();

    // The interview is in the dashboard's history.
    await page.goto(`${baseUrl}/${locale}/dashboard`);
    expect(await page.locator(`.mock-history a[href="${new URL(url).pathname}"]`).count()).toBe(1);
    await context.close();
  });

  it("the server ends an interview when its time is up, even if the page was closed", async () => {
    const context = await browser.current.newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/${locale}/mock`);
    await page.waitForLoadState("networkidle");
    await page.getByRole("button", { name: t.mock.start }).click();
    await page.waitForURL(new RegExp(`/${locale}/mock/[a-z0-9]+$`));
    await page.locator("[data-time-left]").waitFor();
    await setClock(context, new Date(Date.now() + 21 * 60_000));
    await page.reload();
    expect(await page.locator("[data-reason]").getAttribute("data-reason")).toBe("timeout");
    expect(await page.locator("h1").textContent()).toBe(t.mock.reportTitle);
    await context.close();
  });

  it("a learner downloads their data as JSON and deletes their account with it", async () => {
    const context = await browser.current.newContext();
    const page = await context.newPage();
    const q = questionsForLesson("isr").find((x) => x.type === "true-false")!;
    await answerInLessonQuiz(page, "isr", q.id, t, locale);
    await page.goto(`${baseUrl}/${locale}/dashboard`);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: t.dashboard.export }).click()]);
    expect(download.suggestedFilename()).toMatch(/^lossless-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(await (await context.request.get(`${baseUrl}/api/account/export`)).text());
    expect(data.attempts.map((a: { questionId: string }) => a.questionId)).toEqual([q.id]);
    await page.getByLabel(t.dashboard.deleteConfirm).check();
    await page.getByRole("button", { name: t.dashboard.deleteButton }).click();
    await page.waitForURL(`${baseUrl}/${locale}`);
    expect((await context.request.get(`${baseUrl}/api/account/export`)).status()).toBe(404);
    await page.goto(`${baseUrl}/${locale}/dashboard`);
    expect(await page.locator('[data-stat="answered"]').textContent()).toBe("0");
    await context.close();
  });
});
