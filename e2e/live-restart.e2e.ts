/**
 * A live session survives a server restart (decision 013: the database is the state). This test
 * runs its own second server, on its own database, so it can stop it: the host starts a session,
 * a learner on a phone answers question 1, the server gets SIGTERM and starts again on the same
 * database and port. The pages that stayed open must recover by themselves (EventSource
 * reconnects; nobody reloads): the learner still sees their answer and cannot answer again, the
 * host's screen still counts it, the session carries on, and the CSV holds both answers. The
 * server's own output is checked too: a JSON line per API request, no password, and the error id
 * a failing page shows.
 */
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { loadQuestionFiles } from "@/lib/content/questions";
import type { Question } from "@/lib/quiz";
import { getDictionary } from "@/lib/i18n";
import { startApp, type RunningApp } from "../scripts/app-server";
import { createUser, PASSWORD, signIn } from "./accounts";
import { useBrowser } from "./browser";

// Beside the suite's server (E2E_PORT), on the next port unless told otherwise.
const PORT = process.env.E2E_RESTART_PORT ?? String(Number(process.env.E2E_PORT ?? "3217") + 1);
const browser = useBrowser();
let app: RunningApp | null = null;
afterAll(async () => {
  await app?.stop();
});

/** The same server again: same port, same database, the build the suite already made. */
const start = (databaseUrl?: string) => startApp(PORT, 120_000, { LOSSLESS_TEST_CLOCK: "1" }, { databaseUrl, reuseBuild: true });

type TrueFalse = Extract<Question, { type: "true-false" }>;
function twoTrueFalse(): [TrueFalse, TrueFalse] {
  const all = [...loadQuestionFiles().values()].flatMap((f) => f.questions).filter((q): q is TrueFalse => q.type === "true-false");
  expect(all.length).toBeGreaterThanOrEqual(2);
  return [all[0]!, all[1]!];
}

describe("a live session across a server restart", () => {
  const locale = "en";
  const t = getDictionary(locale);

  it("the open pages reconnect by themselves, the answer stays counted once, and the session carries on", { timeout: 300_000 }, async () => {
    app = await start();
    const { baseUrl, databaseUrl } = app;
    const email = `restart-host-${Date.now()}@example.com`;
    createUser(databaseUrl, email, "instructor", "Host");
    const host = await signIn(browser.current, baseUrl, locale, email);
    const [q1, q2] = twoTrueFalse();
    const created = await host.context.request.post(`${baseUrl}/api/live`, { data: { title: "Restart check", questionIds: [q1.id, q2.id], secondsPerItem: 600 } });
    expect(created.status()).toBe(201);
    const { id, code } = (await created.json()) as { id: string; code: string };
    await host.page.goto(`${baseUrl}/${locale}/teach/live/${id}`);
    await host.page.locator(`[data-code="${code}"]`).waitFor();

    const phone = await browser.current.newContext({ viewport: { width: 390, height: 844 } });
    const learner = await phone.newPage();
    await learner.goto(`${baseUrl}/${locale}/join?code=${code}`);
    await learner.waitForLoadState("networkidle");
    await learner.getByLabel(t.live.nickname).fill("Ann");
    await learner.getByRole("button", { name: t.live.join }).click();
    await learner.waitForURL(new RegExp(`/${locale}/join/${code}$`));
    await host.page.locator('[data-joined="1"]').waitFor();
    await host.page.getByRole("button", { name: t.live.start }).click();

    const answer = async (page: Page, q: TrueFalse) => {
      const form = page.locator(`form[data-question="${q.id}"]`);
      await form.locator("label.option", { hasText: q.answer ? t.quiz.true : t.quiz.false }).first().click();
      await form.getByRole("button", { name: t.live.submit }).click();
      await form.locator("[data-sent]").waitFor();
    };
    await answer(learner, q1);
    await host.page.locator('[data-answered="1"]').waitFor();

    // Marks on the open pages: if either were reloaded, its mark would be gone.
    for (const page of [learner, host.page]) await page.evaluate(() => ((window as unknown as { stillOpen: boolean }).stillOpen = true));
    await app.stop();
    const firstRun = app.output();
    // Both screens notice the lost connection.
    for (const page of [learner, host.page]) await page.getByText(t.live.connection).waitFor();

    app = await start(databaseUrl);
    // The learner's page reconnects by itself and shows the same state: question 1, answered.
    await learner.getByText(t.live.connection).waitFor({ state: "detached", timeout: 30_000 });
    await learner.locator(`form[data-question="${q1.id}"] [data-sent]`).waitFor();
    expect(await learner.getByRole("button", { name: t.live.submit }).count()).toBe(0);
    // The answer is stored once, before and after the restart: a second one is not counted.
    const again = await phone.request.post(`${baseUrl}/api/live/join/${code}/answer`, { data: { itemIndex: 0, response: { value: !q1.answer }, locale } });
    expect(await again.json()).toEqual({ accepted: false, repeated: true });
    // The host's screen recovers too, still counting one answer.
    await host.page.getByText(t.live.connection).waitFor({ state: "detached", timeout: 30_000 });
    await host.page.locator('[data-answered="1"]').waitFor();
    for (const page of [learner, host.page]) expect(await page.evaluate(() => (window as unknown as { stillOpen?: boolean }).stillOpen)).toBe(true);

    // The session carries on: reveal, next, and the learner answers question 2.
    await host.page.getByRole("button", { name: t.live.reveal }).click();
    await learner.locator("[data-result]").getByText(q1.explanation[locale]).waitFor();
    await host.page.getByRole("button", { name: t.live.next }).click();
    await answer(learner, q2);
    await host.page.locator('[data-answered="1"]').waitFor();
    expect(await host.page.locator(`[data-bar="${String(q2.answer)}"]`).getAttribute("data-count")).toBe("1");

    const csv = await (await host.context.request.get(`${baseUrl}/api/live/${id}/csv`)).text();
    expect(csv).toContain(`"Ann",false,1,"${q1.id}",true,true,1,`);
    expect(csv).toContain(`"Ann",false,2,"${q2.id}",true,true,1,`);

    // Both servers logged each API request as one JSON line — the sign-in, the host's controls
    // with the host's user id — and never a password.
    // Our JSON lines among whatever else the server prints (Next's own messages are plain text).
    const logged = (text: string, msg = "request") =>
      text
        .split("\n")
        .filter((l) => l.startsWith('{"level":'))
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .filter((l) => l.msg === msg);
    expect(logged(firstRun).find((l) => l.path === "/api/auth/callback/credentials")).toMatchObject({ method: "POST", requestId: expect.any(String) });
    const controls = logged(app.output()).filter((l) => l.path === `/api/live/${id}/control`);
    expect(controls.map((l) => l.status)).toEqual([200, 200]);
    for (const l of controls) expect(l).toMatchObject({ level: "info", method: "POST", userId: expect.any(String), requestId: expect.any(String), durationMs: expect.any(Number) });
    for (const text of [firstRun, app.output()]) expect(text).not.toContain(PASSWORD);

    // A page that fails on the server shows an error id, and the log has that id with the stack.
    // (The test clock's cookie, honoured only by test servers, with a date no Date can hold, makes the review page fail.)
    await host.context.addCookies([{ name: "lossless-test-now", value: "99999999999999999", url: baseUrl }]);
    const errorPage = await host.context.newPage();
    expect((await errorPage.goto(`${baseUrl}/${locale}/review`))?.status()).toBe(500);
    const errorId = (await errorPage.locator("[role=alert] code").textContent())!;
    expect(errorId).toMatch(/^\w+$/);
    await expect.poll(() => logged(app!.output(), "request error").find((l) => l.errorId === errorId)).toMatchObject({ level: "error", path: `/${locale}/review`, requestId: expect.any(String), err: { stack: expect.any(String) } });
    await Promise.all([host.context.close(), phone.close()]);
  });
});
