/** The Lab: break a cluster from the UI, change a setting, share the link, use the keyboard. */
import { describe, expect, inject, it } from "vitest";
import { getDictionary } from "@/lib/i18n";
import { expectAccessible, useBrowser } from "./browser";

const baseUrl = inject("baseUrl");
const t = getDictionary("en");
const browser = useBrowser();

describe("the Lab (/en/lab)", () => {
  it("acks=1 loses acknowledged messages when the leader crashes, acks=all does not, and the link reopens the same run", async () => {
    const context = await browser.current.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/en/lab?preset=acks-1-leader-crash`);
    await page.locator(".sim-controls").waitFor();
    await expectAccessible(page);
    const lost = page.locator('[data-audit="lostAcknowledged"]');

    await page.getByRole("button", { name: t.sim.toEnd }).click();
    expect(Number(await lost.textContent())).toBeGreaterThan(0);

    // A lost message's story: acknowledged while only the leader (broker 0) held it, then lost.
    const lostRow = page.locator("tr", { has: page.locator('[data-audit="lostAcknowledged"]') });
    const second = lostRow.getByRole("button").nth(1);
    const id = (await second.textContent())!.replace("#", "");
    await second.click();
    const story = page.locator(".sim-story-body");
    await expect.poll(() => story.locator("h5").textContent()).toContain(`#${id}`);
    expect(await story.textContent()).toContain("held by broker(s) 0.");
    expect(await story.textContent()).toContain(t.sim.fates["lost-acknowledged"]);

    // An edit recomputes the run and keeps the learner at the same moment (here, the end).
    await page.locator("#cfg-producer-acks").selectOption("all");
    await expect.poll(() => lost.textContent()).toBe("0");

    // The address bar now describes this run: opening it elsewhere shows the same thing.
    const link = page.url();
    expect(link).toMatch(/\?s=v1\./);
    const other = await context.newPage();
    await other.goto(link);
    await other.locator(".sim-controls").waitFor();
    expect(await other.locator("#cfg-producer-acks").inputValue()).toBe("all");
    // The link also holds the moment: the run reopens at its end, audit shown.
    await other.locator('[data-audit="lostAcknowledged"]').waitFor();
    expect(await other.locator('[data-audit="lostAcknowledged"]').textContent()).toBe("0");
    await context.close();
  });

  it("crashes the leader from the broker card and sees acknowledged messages lost", async () => {
    const context = await browser.current.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    // A healthy acks=1 run with followers that fall behind at 2 s: no fault on the leader yet.
    await page.goto(`${baseUrl}/en/lab?preset=acks-1-leader-crash`);
    await page.locator(".sim-controls").waitFor();
    await page.locator(".lab-fault").nth(1).getByRole("button", { name: t.lab.remove }).click();
    await page.getByRole("button", { name: t.sim.toEnd }).click();
    expect(await page.locator('[data-audit="lostAcknowledged"]').textContent()).toBe("0");
    // Go to 5 s and crash broker 0, the leader, from its card.
    await page.locator(".sim-scrub input").fill("5000");
    await page.locator('[data-broker="0"]').getByRole("button", { name: t.sim.crash }).click();
    expect(await page.locator(".lab-fault").count()).toBe(2);
    await page.getByRole("button", { name: t.sim.toEnd }).click();
    expect(Number(await page.locator('[data-audit="lostAcknowledged"]').textContent())).toBeGreaterThan(0);
    await context.close();
  });

  it("compare mode runs the same faults on B and marks what differs; the link keeps it", async () => {
    const context = await browser.current.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/en/lab?preset=acks-1-leader-crash`);
    await page.locator(".sim-controls").waitFor();
    await page.getByLabel(t.lab.compare).check();
    await page.locator("#cfg-b-producer-acks").selectOption("all");
    const row = page.locator("table[data-compare] tr", { hasText: t.lab.compareRows.lost });
    await expect.poll(async () => (await row.locator("td").allTextContents()).map((v) => v.replace(/\D/g, ""))).toEqual([expect.stringMatching(/^[1-9]\d*$/), "0"]);
    expect(await row.getAttribute("class")).toBe("differs");
    await expectAccessible(page);
    const again = await context.newPage();
    await again.goto(page.url());
    await again.locator("table[data-compare]").waitFor();
    expect(await again.locator("#cfg-b-producer-acks").inputValue()).toBe("all");
    await context.close();
  });

  it("fits a phone: the player comes first and nothing scrolls sideways", async () => {
    const context = await browser.current.newContext({ viewport: { width: 390, height: 844 }, locale: "zh-CN" });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/zh/lab?preset=unclean-election`);
    await page.locator(".sim-controls").waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const player = await page.locator(".lab-player").boundingBox();
    const settings = await page.locator(".lab-settings").boundingBox();
    expect(player!.y).toBeLessThan(settings!.y);
    await expectAccessible(page);
    await context.close();
  });

  it("a damaged link opens the Lab with a clear message", async () => {
    const context = await browser.current.newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/en/lab?s=v1.not-really-a-link`);
    const alert = page.locator(".lab .alert[role=alert]");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("could not be opened");
    await page.locator(".sim-controls").waitFor();
    await context.close();
  });

  it("an invalid configuration is explained, not run", async () => {
    const context = await browser.current.newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/en/lab?preset=acks-1-leader-crash`);
    // Wait until the page is interactive (the player is up) before editing.
    await page.locator(".sim-controls").waitFor();
    await page.locator("#cfg-producer-enableIdempotence").selectOption("true");
    const alert = page.locator(".lab-player .alert[role=alert]");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("producer.enableIdempotence");
    await context.close();
  });

  it("runs with the keyboard alone", async () => {
    const context = await browser.current.newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/en/lab?preset=acks-1-leader-crash`);
    await page.locator(".sim-controls").waitFor();
    // Tab to the Run button, start and stop the run with Space, then step with →.
    // The focused element's accessible text (icons are aria-hidden).
    const focused = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText.replace(/[^\p{L}\p{N} ]/gu, "").trim());
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press("Tab");
      if ((await focused()) === t.sim.run) break;
    }
    expect(await focused()).toBe(t.sim.run);
    await page.keyboard.press("Space");
    await page.waitForTimeout(600);
    await page.keyboard.press("Space");
    const time = await page.locator(".sim-scrub input").inputValue();
    expect(Number(time)).toBeGreaterThan(0);
    // → steps event by event (a hundred steps move the clock on).
    const scrub = page.locator(".sim-scrub input");
    const before = await scrub.getAttribute("aria-valuetext");
    for (let i = 0; i < 100; i++) await page.keyboard.press("ArrowRight");
    await expect.poll(() => scrub.getAttribute("aria-valuetext")).not.toBe(before);
    // Tab on to "Skip to end" and press Enter: the audit appears.
    for (let i = 0; i < 10 && (await focused()) !== t.sim.toEnd; i++) await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.locator('[data-audit="lostAcknowledged"]').waitFor();
    await expectAccessible(page);
    await context.close();
  });

  it("marks the lost records in the logs, tells a record's story, and moves faults on the timeline", async () => {
    const context = await browser.current.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/en/lab?preset=acks-1-leader-crash`);
    await page.locator(".sim-controls").waitFor();
    // The engine runs in a Web Worker.
    expect(await page.locator(".sim").getAttribute("data-where")).toBe("worker");
    await page.getByRole("button", { name: t.sim.toEnd }).click();
    await page.getByRole("button", { name: t.sim.markInLogs }).first().click();
    // The old leader still holds the lost messages; the new leader reused their offsets.
    await page.locator('[data-broker="0"] .sim-rec.mark-highlight').first().waitFor();
    expect(await page.locator('[data-broker="1"] .sim-rec.mark-reused').count()).toBeGreaterThan(0);
    const record = page.locator('[data-broker="0"] .sim-rec.mark-highlight button').first();
    const id = (await record.locator(".sim-rec-msg").textContent())!;
    await record.click();
    await expect.poll(() => page.locator(".sim-story-body h5").textContent()).toContain(id);

    // Fault 2 (the crash at 5 s): → three times moves it by 0.3 s; the fault list follows.
    const atField = (n: number) => page.locator(".lab-fault").nth(n).locator('input[type="number"]').first();
    const marker = page.locator(".sim-fault-marker.editable").nth(1);
    await marker.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight");
    await expect.poll(() => atField(1).inputValue()).toBe("5300");
    // Dragging fault 1 to the middle of the track moves it to about 30 s.
    const track = (await page.locator(".sim-track").boundingBox())!;
    const first = (await page.locator(".sim-fault-marker.editable").nth(0).boundingBox())!;
    await page.mouse.move(first.x + first.width / 2, first.y + first.height / 2);
    await page.mouse.down();
    await page.mouse.move(track.x + track.width / 2, first.y + first.height / 2, { steps: 5 });
    await page.mouse.up();
    await expect.poll(async () => Math.abs(Number(await atField(0).inputValue()) - 30_000)).toBeLessThanOrEqual(200);
    // Delete removes a fault.
    await page.locator(".sim-fault-marker.editable").nth(1).focus();
    await page.keyboard.press("Delete");
    await expect.poll(() => page.locator(".lab-fault").count()).toBe(1);
    await context.close();
  });
});
