/**
 * The admin page: an admin (made with the CLI) finds a learner by email and makes them an
 * instructor with the keyboard, and the learner then reaches /teach; learners and instructors get
 * a 404 for the page and a 403 from the API; visitors are sent to sign in. Both languages, axe
 * clean, and usable at phone width.
 */
import { describe, expect, inject, it } from "vitest";
import { getDictionary } from "@/lib/i18n";
import { createUser, signIn } from "./accounts";
import { expectAccessible, useBrowser } from "./browser";

const baseUrl = inject("baseUrl");
const databaseUrl = inject("databaseUrl");
const browser = useBrowser();

describe.each(["en", "zh"] as const)("the admin page in %s", (locale) => {
  const t = getDictionary(locale);
  const stamp = `${locale}-${Date.now()}`;
  const emails = { admin: `admin-${stamp}@example.com`, learner: `promote-${stamp}@example.com`, teacher: `teacher-${stamp}@example.com` };

  it("an admin promotes a learner, who then reaches /teach; nobody else gets in", async () => {
    createUser(databaseUrl, emails.admin, "admin", "Ada");
    createUser(databaseUrl, emails.learner, "learner", "Lin");
    createUser(databaseUrl, emails.teacher, "instructor", "Tom");

    // The learner and the instructor: the page is a 404, the API a 403, and /teach is only the instructor's.
    const learner = await signIn(browser.current, baseUrl, locale, emails.learner, { width: 390, height: 844 });
    const teacher = await signIn(browser.current, baseUrl, locale, emails.teacher);
    for (const who of [learner, teacher]) {
      expect((await who.context.request.get(`${baseUrl}/${locale}/admin`, { maxRedirects: 0 })).status()).toBe(404);
      const res = await who.context.request.patch(`${baseUrl}/api/admin/users/someone`, { data: { role: "instructor" } });
      expect(res.status()).toBe(403);
      expect(await res.json()).toEqual({ error: "only admins can do this" });
    }
    expect((await learner.context.request.get(`${baseUrl}/${locale}/teach`, { maxRedirects: 0 })).headers().location).toMatch(new RegExp(`/${locale}/join$`));
    await learner.page.goto(`${baseUrl}/${locale}/dashboard`);
    // The account menu has loaded (its sign-out button), and shows no admin link to a learner.
    await learner.page.getByRole("button", { name: t.nav.signOut }).waitFor();
    expect(await learner.page.getByRole("link", { name: t.nav.admin, exact: true }).count()).toBe(0);
    // A visitor is sent to sign in.
    const anon = await browser.current.newContext();
    expect((await anon.request.get(`${baseUrl}/${locale}/admin`, { maxRedirects: 0 })).headers().location).toMatch(new RegExp(`/${locale}/signin$`));
    await anon.close();

    // The admin finds the account menu's link, searches by email with the keyboard, and promotes the learner.
    const admin = await signIn(browser.current, baseUrl, locale, emails.admin);
    await admin.page.getByRole("link", { name: t.nav.admin, exact: true }).click();
    await admin.page.waitForURL(`**/${locale}/admin`);
    // A link navigates in the page: the new title follows the address (Next streams it after the content).
    await expect.poll(() => admin.page.title()).toContain(t.admin.title);
    await admin.page.getByRole("heading", { level: 1, name: t.admin.title }).waitFor();
    // The admin's own row cannot be changed.
    await admin.page.locator(`tr[data-user="${emails.admin}"]`).getByText(t.admin.you).waitFor();
    expect(await admin.page.locator(`tr[data-user="${emails.admin}"] select`).count()).toBe(0);
    await expectAccessible(admin.page);

    await admin.page.getByLabel(t.admin.search).fill(emails.learner.toUpperCase());
    await admin.page.keyboard.press("Enter");
    await admin.page.waitForURL(/\?q=/);
    const row = admin.page.locator(`tr[data-user="${emails.learner}"]`);
    await row.waitFor();
    expect(await admin.page.locator("tbody tr").count()).toBe(1);
    expect(await admin.page.locator("[data-total]").getAttribute("data-total")).toBe("1");
    const select = row.getByLabel(t.admin.roleFor.replace("{email}", emails.learner), { exact: true });
    await select.focus();
    await select.selectOption("instructor");
    await admin.page.keyboard.press("Tab");
    await admin.page.keyboard.press("Enter");
    await row.getByRole("status").getByText(t.admin.saved.replace("{email}", emails.learner).replace("{role}", t.admin.roles.instructor)).waitFor();
    await admin.page.locator(`tr[data-user="${emails.learner}"][data-role="instructor"]`).waitFor();
    await expectAccessible(admin.page);

    // Bad input from an admin is a clear 4xx; another admin's role and one's own stay as they are.
    const ownId = await admin.page.evaluate(async () => ((await (await fetch("/api/auth/session")).json()) as { user: { id: string } }).user.id);
    const bad = await admin.context.request.patch(`${baseUrl}/api/admin/users/${ownId}`, { data: { role: "admin" } });
    expect([bad.status(), await bad.json()]).toEqual([400, { error: "role: role must be one of learner, instructor" }]);
    const self = await admin.context.request.patch(`${baseUrl}/api/admin/users/${ownId}`, { data: { role: "learner" } });
    expect(self.status()).toBe(403);

    // The promoted learner, still signed in, now reaches the instructor pages.
    await learner.page.goto(`${baseUrl}/${locale}/teach`);
    await learner.page.waitForURL(`**/${locale}/teach`);
    expect(await learner.page.title()).toContain(t.teach.title);

    // At phone width the page fits: the table scrolls inside its frame, the page does not.
    await admin.page.setViewportSize({ width: 390, height: 844 });
    await admin.page.goto(`${baseUrl}/${locale}/admin`);
    await admin.page.getByRole("heading", { level: 1, name: t.admin.title }).waitFor();
    expect(await admin.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    await expectAccessible(admin.page);

    await Promise.all([learner.context.close(), teacher.context.close(), admin.context.close()]);
  });
});
