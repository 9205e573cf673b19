import { describe, expect, it } from "vitest";
import config from "../../next.config";
import { contentSecurityPolicy, securityHeaders } from "./headers";

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
}

describe("security headers", () => {
  it("the production policy evaluates no strings, loads nothing from elsewhere and cannot be framed", () => {
    const csp = directives(contentSecurityPolicy({ dev: false, https: false }));
    for (const values of csp.values()) expect(values).not.toContain("'unsafe-eval'");
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("worker-src")).toEqual(["'self'"]);
    expect(csp.get("connect-src")).toEqual(["'self'"]);
    // No other origin anywhere: every source is a keyword or the data: scheme for images.
    for (const [name, values] of csp) for (const v of values) expect(/^'[a-z-]+'$|^data:$/.test(v), `${name} ${v}`).toBe(true);
    expect(csp.has("upgrade-insecure-requests")).toBe(false);
  });

  it("development adds only what hot reloading needs", () => {
    const csp = directives(contentSecurityPolicy({ dev: true, https: false }));
    expect(csp.get("script-src")).toContain("'unsafe-eval'");
    expect(csp.get("connect-src")).toEqual(["'self'", "ws:", "wss:"]);
  });

  it("sets the fixed headers always and HSTS only over HTTPS", () => {
    const plain = Object.fromEntries(securityHeaders({ dev: false, https: false }).map((h) => [h.key, h.value]));
    expect(plain).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "X-Frame-Options": "DENY",
    });
    expect(plain["Permissions-Policy"]).toContain("camera=()");
    expect(plain["Strict-Transport-Security"]).toBeUndefined();
    const secure = Object.fromEntries(securityHeaders({ dev: false, https: true }).map((h) => [h.key, h.value]));
    expect(secure["Strict-Transport-Security"]).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
    expect(secure["Content-Security-Policy"]).toContain("upgrade-insecure-requests");
  });

  it("next.config applies them to every path, with HSTS following NEXTAUTH_URL at build time", async () => {
    const before = process.env.NEXTAUTH_URL;
    try {
      process.env.NEXTAUTH_URL = "http://localhost:3000";
      const [rule] = await config("phase-production-build").headers!();
      expect(rule!.source).toBe("/:path*");
      expect(rule!.headers.map((h) => h.key)).not.toContain("Strict-Transport-Security");
      expect(rule!.headers.find((h) => h.key === "Content-Security-Policy")!.value).not.toContain("unsafe-eval");
      process.env.NEXTAUTH_URL = "https://lossless.example";
      const [secure] = await config("phase-production-server").headers!();
      expect(secure!.headers.map((h) => h.key)).toContain("Strict-Transport-Security");
      const [dev] = await config("phase-development-server").headers!();
      expect(dev!.headers.find((h) => h.key === "Content-Security-Policy")!.value).toContain("unsafe-eval");
    } finally {
      if (before === undefined) delete process.env.NEXTAUTH_URL;
      else process.env.NEXTAUTH_URL = before;
    }
  });
});
