/**
 * A live session with a host and two learners in separate browsers: the host builds a session,
 * a guest and a signed-in learner join by code and answer, the host's histogram moves, the host
 * reveals; a reloaded learner rejoins and cannot answer twice; the CSV holds both; learners are
 * kept out of every instructor page and API. In both languages.
 */
import type { Browser, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { findQuestion } from "@/lib/content/questions";
import { getDictionary } from "@/lib/i18n";
import { createUser as createAccount, signIn as signInAs } from "./accounts";
import { expectAccessible, useBrowser } from "./browser";

const baseUrl = inject("baseUrl");
const databaseUrl = inject("databaseUrl");
const browser = useBrowser();

const createUser = (email: string, role: "learner" | "instructor", name: string) => createAccount(databaseUrl, email, role, name);
const signIn = (b: Browser, locale: string, email: string, viewport?: { width: number; height: number }) => signInAs(b, baseUrl, locale, email, viewport);

describe.each(["en", "zh"] as const)("a live session in %s", (locale) => {
  const t = getDictionary(locale);
  const stamp = `${locale}-${Date.now()}`;

  it("host, a guest and a signed-in learner: join, answer, histogram, reveal, rejoin, CSV, remote; then a class with an assignment and its report", async () => {
    createUser(`host-${stamp}@example.com`, "instructor", "Host");
    createUser(`learner-${stamp}@example.com`, "learner", "Li");
    const host = await signIn(browser.current, locale, `host-${stamp}@example.com`);
    await host.page.goto(`${baseUrl}/${locale}/teach`);
    expect(await host.page.title()).toContain(t.teach.title);
    await host.page.waitForLoadState("networkidle");
    await host.page.getByLabel(t.teach.sessionTitle).fill(locale === "zh" ? "持久性小测" : "Durability check");
    await host.page.locator("details").first().locator("summary").click();
    // Two true-false questions from the first lesson.
    const boxes = host.page.locator("details").first().locator("input[type=checkbox]");
    const ids: string[] = [];
    for (let i = 0; i < (await boxes.count()) && ids.length < 2; i++) {
      const id = (await boxes.nth(i).getAttribute("data-question"))!;
      if (findQuestion(id)?.question.type === "true-false") {
        await boxes.nth(i).check();
        ids.push(id);
      }
    }
    await expectAccessible(host.page);
    await host.page.getByRole("button", { name: t.teach.create, exact: true }).click();
    await host.page.waitForURL(/\/teach\/live\/[a-z0-9]+$/);
    const hostUrl = host.page.url();
    const code = (await host.page.locator("[data-code]").getAttribute("data-code"))!;
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    await expectAccessible(host.page);

    // A guest joins on a phone with a nickname; a signed-in learner joins with their account.
    const guestContext = await browser.current.newContext({ viewport: { width: 390, height: 844 } });
    const guest = await guestContext.newPage();
    await guest.goto(`${baseUrl}/${locale}/join`);
    await guest.waitForLoadState("networkidle");
    await guest.getByLabel(t.live.code).fill(code.toLowerCase());
    await guest.getByLabel(t.live.nickname).fill("Ann");
    await guest.getByRole("button", { name: t.live.join }).click();
    await guest.waitForURL(new RegExp(`/${locale}/join/${code}$`));
    await guest.getByText(t.live.waiting).waitFor();
    const learner = await signIn(browser.current, locale, `learner-${stamp}@example.com`, { width: 390, height: 844 });
    await learner.page.goto(`${baseUrl}/${locale}/join?code=${code}`);
    await learner.page.waitForLoadState("networkidle");
    await learner.page.getByRole("button", { name: t.live.join }).click();
    await learner.page.waitForURL(new RegExp(`/${locale}/join/${code}$`));
    await host.page.locator('[data-joined="2"]').waitFor();

    await host.page.getByRole("button", { name: t.live.start }).click();
    const q = findQuestion(ids[0]!)!.question as Extract<ReturnType<typeof findQuestion>, object>["question"] & { type: "true-false"; answer: boolean };
    const answer = async (page: Page, value: boolean) => {
      const form = page.locator(`form[data-question="${q.id}"]`);
      await form.locator("label.option", { hasText: value ? t.quiz.true : t.quiz.false }).first().click();
      await form.getByRole("button", { name: t.live.submit }).click();
      await form.locator("[data-sent]").waitFor();
    };
    await answer(guest, q.answer);
    await host.page.locator('[data-answered="1"]').waitFor();
    await answer(learner.page, !q.answer);
    await host.page.locator('[data-answered="2"]').waitFor();
    expect(await host.page.locator(`[data-bar="${String(q.answer)}"]`).getAttribute("data-count")).toBe("1");
    expect(await host.page.locator(`[data-bar="${String(!q.answer)}"]`).getAttribute("data-count")).toBe("1");
    // No key on any screen before the reveal.
    for (const page of [guest, learner.page]) expect(await page.content()).not.toContain(q.explanation[locale]);

    // The guest reloads: same nickname, already answered, cannot answer again.
    await guest.reload();
    await guest.locator("[data-sent]").waitFor();
    const again = await guestContext.request.post(`${baseUrl}/api/live/join/${code}/answer`, { data: { itemIndex: 0, response: { value: !q.answer }, locale } });
    expect(await again.json()).toEqual({ accepted: false, repeated: true });
    await host.page.locator('[data-answered="2"]').waitFor();

    await host.page.getByRole("button", { name: t.live.reveal }).click();
    await host.page.getByText(q.explanation[locale]).waitFor();
    await guest.locator("[data-result]").getByText(q.explanation[locale]).waitFor();
    expect(await guest.locator("[data-rank]").getAttribute("data-rank")).toBe("1");
    await expectAccessible(guest);
    await expectAccessible(host.page);

    // The CSV has both learners' answers.
    const csv = await (await host.context.request.get(`${hostUrl.replace(`/${locale}/teach/live/`, "/api/live/")}/csv`)).text();
    expect(csv).toContain(`"Ann",false,1,"${q.id}",true,true,1,`);
    expect(csv).toContain(`"Li",true,1,"${q.id}",true,false,0,`);

    // The learner is kept out of the instructor side: pages redirect, APIs answer 403.
    const id = hostUrl.split("/").at(-1)!;
    for (const pagePath of [`/${locale}/teach`, `/${locale}/teach/live/${id}`, `/${locale}/teach/live/${id}?remote=1`]) {
      const res = await learner.context.request.get(`${baseUrl}${pagePath}`, { maxRedirects: 0 });
      expect([303, 307, 308], pagePath).toContain(res.status());
      expect(res.headers().location, pagePath).toMatch(new RegExp(`/${locale}/join$`));
    }
    for (const [method, apiPath, data] of [
      ["post", "/api/live", { title: "x", questionIds: [q.id] }],
      ["post", `/api/live/${id}/control`, { action: "next" }],
      ["get", `/api/live/${id}/events`, undefined],
      ["get", `/api/live/${id}/csv`, undefined],
    ] as const) {
      for (const ctx of [learner.context, guestContext]) {
        const res = method === "post" ? await ctx.request.post(`${baseUrl}${apiPath}`, { data }) : await ctx.request.get(`${baseUrl}${apiPath}`);
        expect(res.status(), apiPath).toBe(403);
      }
    }
    // A visitor who is not signed in is sent to sign in.
    const anon = await browser.current.newContext();
    const res = await anon.request.get(`${baseUrl}/${locale}/teach`, { maxRedirects: 0 });
    expect(res.headers().location).toMatch(new RegExp(`/${locale}/signin$`));
    await anon.close();

    // The phone remote drives the projector.
    const remote = await host.context.newPage();
    await remote.setViewportSize({ width: 390, height: 844 });
    await remote.goto(`${hostUrl}?remote=1`);
    await remote.getByRole("button", { name: t.live.next }).click();
    await host.page.getByText(t.live.questionOf.replace("{n}", "2").replace("{total}", "2")).waitFor();
    await guest.locator(`form[data-question="${ids[1]}"]`).waitFor();

    // A class: the host creates it, the learner joins by the invite link, an assignment reaches
    // the learner's dashboard, and the class report lists the learner with their answers.
    await host.page.goto(`${baseUrl}/${locale}/teach`);
    await host.page.waitForLoadState("networkidle");
    await host.page.getByLabel(t.classes.name).fill(locale === "zh" ? "周四班" : "Thursday class");
    await host.page.getByRole("button", { name: t.classes.create, exact: true }).click();
    await host.page.waitForURL(/\/teach\/classes\/[a-z0-9]+$/);
    const classUrl = host.page.url();
    const classCode = (await host.page.locator("[data-class-code]").getAttribute("data-class-code"))!;
    await host.page.waitForLoadState("networkidle");
    await host.page.getByRole("button", { name: t.classes.add }).click();
    await host.page.locator('tr[data-assignment="lesson"]').waitFor();
    await expectAccessible(host.page);
    await learner.page.goto(`${baseUrl}/${locale}/classes/join?code=${classCode}`);
    await learner.page.waitForLoadState("networkidle");
    await learner.page.getByRole("button", { name: new RegExp(t.classes.join.slice(0, 2)) }).click();
    await learner.page.getByRole("status").waitFor();
    await learner.page.goto(`${baseUrl}/${locale}/dashboard`);
    expect(await learner.page.locator('[data-assignment="lesson"][data-done="false"]').count()).toBe(1);
    await host.page.reload();
    await host.page.locator('[data-member="Li"]').waitFor();
    // Li answered the first live question wrong: it counts in the class's item analysis.
    expect(await host.page.locator(`tr[data-item="${q.id}"] td`).first().textContent()).toBe("1");
    // The guest cannot join a class without an account; the learner cannot open the class page.
    expect((await guestContext.request.post(`${baseUrl}/api/classes/join`, { data: { code: classCode } })).status()).toBe(401);
    const classPage = await learner.context.request.get(classUrl, { maxRedirects: 0 });
    expect(classPage.headers().location).toMatch(new RegExp(`/${locale}/join$`));
    for (const [apiPath, data] of [["/api/classes", { name: "x" }], [`${new URL(classUrl).pathname.replace(`/${locale}/teach/classes/`, "/api/classes/")}/assignments`, { kind: "lesson", target: "acks", dueAt: "2026-12-01" }]] as const)
      expect((await learner.context.request.post(`${baseUrl}${apiPath}`, { data })).status(), apiPath).toBe(403);

    await Promise.all([host.context.close(), learner.context.close(), guestContext.close()]);
  });
});
