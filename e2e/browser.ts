import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";

/** Debian's Chromium, with the flags that work as root on these machines (shared STACK.md). */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** No serious or critical accessibility violation on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  // After an in-page navigation or refresh Next streams the new <title> after the content, so
  // the page is audited once it has one; a page that never gets a title still fails below.
  await page.waitForFunction(() => document.title !== "", undefined, { timeout: 5000 }).catch(() => {});
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`), page.url()).toEqual([]);
}

/** One browser for a test file: launched before its tests, closed after them. */
export function useBrowser(): { readonly current: Browser } {
  const holder = { current: null as unknown as Browser };
  beforeAll(async () => {
    holder.current = await launch();
  });
  afterAll(async () => {
    await holder.current?.close();
  });
  return holder;
}
