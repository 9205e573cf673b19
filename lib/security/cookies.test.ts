import { createRequire } from "node:module";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { appCookieOptions, servedOverHttps } from "./cookies";

const require = createRequire(import.meta.url);
/** next-auth's cookie table (not in its package exports, so loaded by file). */
const { defaultCookies } = require(path.join(path.dirname(require.resolve("next-auth")), "core/lib/cookie.js")) as {
  defaultCookies: (secure: boolean) => Record<string, { name: string; options: { httpOnly?: boolean; sameSite?: string; secure?: boolean } }>;
};

describe("cookie options", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it("the app's own cookies are HttpOnly and SameSite=Lax, Secure only over HTTPS", () => {
    expect(appCookieOptions(60, { NEXTAUTH_URL: "http://localhost:3000" })).toEqual({ httpOnly: true, sameSite: "lax", secure: false, path: "/", maxAge: 60 });
    expect(appCookieOptions(60, { NEXTAUTH_URL: "https://lossless.example" }).secure).toBe(true);
    expect(servedOverHttps({})).toBe(false);
  });

  it.each([
    ["http://localhost:3000", false],
    ["https://lossless.example", true],
  ])("with NEXTAUTH_URL=%s every next-auth cookie is HttpOnly and SameSite=Lax, Secure=%s", async (url, secure) => {
    vi.stubEnv("NEXTAUTH_URL", url);
    vi.resetModules();
    const { authOptions } = await import("@/lib/auth/options");
    expect(authOptions.useSecureCookies).toBe(secure);
    const cookies = defaultCookies(authOptions.useSecureCookies!);
    expect(Object.keys(cookies)).toEqual(expect.arrayContaining(["sessionToken", "csrfToken", "callbackUrl"]));
    for (const [name, c] of Object.entries(cookies)) {
      expect(c.options.httpOnly, name).toBe(true);
      expect(c.options.sameSite, name).toBe("lax");
      expect(c.options.secure, name).toBe(secure);
      if (secure) expect(c.name, name).toMatch(/^__(Secure|Host)-/);
    }
  });

  it("every cookie the app sets itself goes through appCookieOptions", async () => {
    const { readdirSync, readFileSync } = await import("node:fs");
    const root = path.join(import.meta.dirname, "../..");
    const walk = (dir: string): string[] =>
      readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((d) =>
        d.isDirectory() ? (d.name === "generated" ? [] : walk(path.join(dir, d.name))) : /\.tsx?$/.test(d.name) && !d.name.endsWith(".test.ts") ? [path.join(dir, d.name)] : [],
      );
    const calls: string[] = [];
    for (const file of [...walk("app"), ...walk("lib"), ...walk("components")]) {
      const text = readFileSync(path.join(root, file), "utf8");
      // A cookie jar's set(), however it is reached: cookies().set, jar.set, response.cookies.set.
      for (const m of text.matchAll(/(?:cookies\(\)\)|\bjar|\.cookies)\.set\(([^;]*)/g)) calls.push(`${file}: ${m[1]}`);
      expect(text, file).not.toMatch(/document\.cookie/);
    }
    expect(calls.length).toBeGreaterThanOrEqual(2); // the guest cookie and the live rejoin cookie
    for (const call of calls) expect(call).toContain("appCookieOptions(");
  });
});
