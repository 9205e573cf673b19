/** Every lesson, in both languages: it renders with its table of contents, and its first simulation runs. */
import { describe, expect, inject, it } from "vitest";
import { CURRICULUM } from "@/lib/content/curriculum";
import { listLessons } from "@/lib/content/lessons";
import { getDictionary } from "@/lib/i18n";
import { expectAccessible, useBrowser } from "./browser";

const baseUrl = inject("baseUrl");
const browser = useBrowser();

describe.each(["en", "zh"] as const)("the lessons in %s", (locale) => {
  const t = getDictionary(locale);
  const titles = Object.fromEntries(listLessons(locale).map((l) => [l.slug, l.title]));

  it.each([...CURRICULUM])("%s renders and its first simulation runs to the audit", async (slug) => {
    const context = await browser.current.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${baseUrl}/${locale}/lessons/${slug}`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(titles[slug]);
    expect(await page.title()).toContain(titles[slug]!);
    // The table of contents links to every section heading on the page.
    const toc = page.locator("nav.toc a");
    expect(await toc.count()).toBeGreaterThanOrEqual(5);
    const target = (await toc.first().getAttribute("href"))!;
    expect(await page.locator(target).count()).toBe(1);
    if (slug === "replication") {
      // Its three players start one by one as the learner scrolls, not all while the page loads.
      await page.waitForLoadState("networkidle");
      expect(await page.locator(".sim:not(.sim-placeholder)").count()).toBeLessThan(await page.locator(".sim-slot").count());
    }
    await page.locator(".sim-slot").first().scrollIntoViewIfNeeded();
    const sim = page.locator(".sim:not(.sim-placeholder)").first();
    await sim.getByRole("button", { name: t.sim.toEnd }).click();
    await sim.locator('[data-audit="lostAcknowledged"]').waitFor();
    if (slug === "replication" || slug === "case-study") await expectAccessible(page);
    expect(errors).toEqual([]);
    await context.close();
  });
});
