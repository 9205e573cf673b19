/** Accounts for the browser tests: made with the documented CLI, signed in through the form. */
import { spawnSync } from "node:child_process";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { getDictionary } from "@/lib/i18n";

export const PASSWORD = "a long enough password";

/** Creates an account (or changes its role) on the given database, as `npm run user:create -- …` does. */
export function createUser(databaseUrl: string, email: string, role: "learner" | "instructor" | "admin", name: string): void {
  const root = path.join(import.meta.dirname, "..");
  const r = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/user-create.ts", "--email", email, "--role", role, "--password", PASSWORD, "--name", name], { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`user:create failed: ${(r.stderr || r.stdout).split("\n").slice(0, 5).join(" / ")}`);
}

/** A new browser context signed in as `email`, left on the dashboard. */
export async function signIn(b: Browser, baseUrl: string, locale: string, email: string, viewport = { width: 1280, height: 900 }): Promise<{ context: BrowserContext; page: Page }> {
  const t = getDictionary(locale as "en" | "zh");
  const context = await b.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/${locale}/signin`);
  await page.waitForLoadState("networkidle");
  await page.getByLabel(t.auth.email).fill(email);
  await page.getByLabel(t.auth.password, { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: t.auth.submitSignIn }).click();
  await page.waitForURL(`**/${locale}/dashboard`);
  return { context, page };
}
