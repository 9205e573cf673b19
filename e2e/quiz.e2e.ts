/** The quiz of a lesson: nothing of the key leaks before answering; every question type is graded on the server. */
import { randomUUID } from "node:crypto";
import { describe, expect, inject, it } from "vitest";
import { questionsForLesson } from "@/lib/content/questions";
import { getDictionary } from "@/lib/i18n";
import { expectAccessible, useBrowser } from "./browser";
import { Client, database } from "./http";

const baseUrl = inject("baseUrl");
const browser = useBrowser();

describe.each(["en", "zh"] as const)("the acks quiz in %s", (locale) => {
  const t = getDictionary(locale);
  const questions = questionsForLesson("acks");

  it("hands out no key before answering, then grades a prediction with the simulator and links to the Lab", async () => {
    const context = await browser.current.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const bodies: string[] = [];
    page.on("response", async (r) => {
      try {
        if (r.request().resourceType() !== "image") bodies.push(await r.text());
      } catch {
        // redirects have no body
      }
    });
    await page.goto(`${baseUrl}/${locale}/lessons/acks`);
    await page.waitForLoadState("networkidle");
    // The quiz at the end of the lesson is built when the reader comes near it; a keyboard user
    // who tabs to its button gets it at once, with focus on its first control.
    expect(await page.locator("form.quiz-question").count()).toBe(0);
    await page.getByRole("button", { name: t.quiz.showQuestions.replace("{n}", String(questions.length)) }).focus();
    await page.locator("form.quiz-question").first().waitFor();
    await expect.poll(() => page.evaluate(() => Boolean(document.activeElement?.closest(".quiz")))).toBe(true);
    await page.waitForLoadState("networkidle");
    const before = (await page.content()) + bodies.join("\n");
    for (const q of questions) {
      for (const text of [q.explanation.en, q.explanation.zh]) expect(before, q.id).not.toContain(text);
      if (q.type === "explain") for (const text of [q.model.en, q.model.zh]) expect(before, q.id).not.toContain(text);
    }
    for (const leak of ['"answer":', '"solution":', '"counterexample":', '"when":', '"rubric":', '"phrases":']) expect(before).not.toContain(leak);

    // Predict: pick the first choice of every part; the simulator settles it.
    const predict = questions.find((q) => q.type === "sim-predict")!;
    const form = page.locator(`form[data-question="${predict.id}"]`);
    for (const part of await form.locator(".quiz-part").all()) await part.locator("label.option").first().click();
    await form.getByRole("button", { name: t.quiz.submit }).click();
    const result = form.locator(".quiz-result");
    await result.waitFor();
    expect(await result.textContent()).toMatch(new RegExp(`${t.quiz.correct}|${t.quiz.partial}|${t.quiz.incorrect}`));
    expect(await result.textContent()).toContain(predict.explanation[locale]);
    const lab = result.getByRole("link", { name: t.quiz.openLab });
    expect(await lab.getAttribute("href")).toMatch(new RegExp(`^/${locale}/lab\\?s=v1\\.`));
    await expectAccessible(page);
    // The answer scheduled a review card: nothing is due yet, and the review page says when.
    const review = await context.newPage();
    await review.goto(`${baseUrl}/${locale}/review`);
    expect(await review.title()).toContain(t.review.title);
    expect(await review.locator("main").textContent()).toContain(t.review.nothing);
    expect(await review.locator("main").textContent()).toMatch(/UTC/);
    await expectAccessible(review);
    await lab.click();
    await page.locator(".sim-controls").waitFor();
    expect(await page.locator(".lab .alert").count()).toBe(0);
    await context.close();
  });

  it("practice filters by type and grades across lessons; the lesson quiz has its own page", async () => {
    const context = await browser.current.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/${locale}/practice`);
    expect(await page.title()).toContain(t.practice.title);
    await page.getByLabel(t.practice.type).selectOption("numeric");
    await page.getByRole("button", { name: t.practice.show }).click();
    await page.waitForURL(/type=numeric/);
    const forms = page.locator("form.quiz-question");
    expect(await forms.count()).toBeGreaterThan(0);
    const numeric = questions.find((q) => q.type === "numeric")!;
    const form = page.locator(`form[data-question="${numeric.id}"]`);
    await form.locator("input[type=text]").fill(numeric.type === "numeric" ? String(numeric.answer) : "");
    await form.getByRole("button", { name: t.quiz.submit }).click();
    await form.locator(".quiz-result").waitFor();
    expect(await form.locator(".quiz-result .badge").textContent()).toContain(t.quiz.correct);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(page);

    await page.goto(`${baseUrl}/${locale}/lessons/acks/quiz`);
    expect(await page.locator("form.quiz-question").count()).toBe(questions.length);
    // One question at a time.
    await page.getByLabel(t.quiz.oneAtATime).check();
    expect(await page.locator("form.quiz-question").count()).toBe(1);
    await page.getByRole("button", { name: t.quiz.next }).click();
    expect(await page.locator("form.quiz-question").getAttribute("data-question")).toBe(questions[1]!.id);
    await context.close();
  });
});

describe("a visitor's very first answer", () => {
  const databaseUrl = inject("databaseUrl");
  const q = questionsForLesson("acks").find((x) => x.type === "single")! as Extract<ReturnType<typeof questionsForLesson>[number], { type: "single" }>;
  const body = (attemptId: string, choice = q.options[0]!.id) => ({ questionId: q.id, response: { choice }, locale: "en", clientAttemptId: attemptId });

  it("resent without the cookie its lost response carried, lands with the same guest and counts once", async () => {
    const witness = database(databaseUrl);
    try {
      const attemptId = randomUUID();
      const stored = async () => Number((await witness.db.execute({ sql: 'SELECT COUNT(*) AS n FROM "QuestionAttempt" WHERE "clientAttemptId" = ?', args: [attemptId] })).rows[0]!.n);
      // Two copies of the same first answer from a browser with no cookie, as after a lost response.
      const first = new Client(baseUrl, "first copy");
      const resent = new Client(baseUrl, "resent copy");
      const a = await first.post("/api/quiz/answer", body(attemptId));
      const b = await resent.post("/api/quiz/answer", body(attemptId));
      expect([a.status, b.status]).toEqual([200, 200]);
      expect(b.json).toEqual(a.json);
      expect(resent.jar.get("lossless_guest")).toBe(first.jar.get("lossless_guest"));
      expect(await stored()).toBe(1);
      // The same id with another answer is still refused, and a different first answer is another visitor.
      expect((await new Client(baseUrl, "changed").post("/api/quiz/answer", body(attemptId, q.options[1]!.id))).status).toBe(409);
      const other = new Client(baseUrl, "another visitor");
      expect((await other.post("/api/quiz/answer", body(randomUUID()))).status).toBe(200);
      expect(other.jar.get("lossless_guest")).not.toBe(first.jar.get("lossless_guest"));
      // The guest's next answer, with its cookie, is theirs as usual.
      expect((await first.post("/api/quiz/answer", body(randomUUID()))).status).toBe(200);
      const guests = await witness.db.execute({ sql: 'SELECT COUNT(DISTINCT "userId") AS n FROM "QuestionAttempt" WHERE "clientAttemptId" = ? OR "userId" = (SELECT "userId" FROM "QuestionAttempt" WHERE "clientAttemptId" = ?)', args: [attemptId, attemptId] });
      expect(Number(guests.rows[0]!.n)).toBe(1);
    } finally {
      witness.close();
    }
  });
});
