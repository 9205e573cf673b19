import { describe, expect, it } from "vitest";
import { checkAuthRequest } from "./endpoint";

const TOKEN = "a".repeat(64);
const form = (fields: Record<string, string>, type = "application/x-www-form-urlencoded") =>
  new Request("http://localhost/api/auth/callback/credentials", { method: "POST", headers: { "content-type": type }, body: new URLSearchParams(fields).toString() });
const get = (path: string) => new Request(`http://localhost/api/auth/${path}`);

async function outcome(req: Request, segments: string[]) {
  const res = await checkAuthRequest(req, segments);
  return res ? { status: res.status, error: ((await res.json()) as { error: string }).error } : "next-auth";
}

describe("checkAuthRequest", () => {
  it("hands on what the app's sign-in form, sign-out and session provider send", async () => {
    for (const action of ["session", "csrf", "providers", "signin", "signout", "error"]) expect(await outcome(get(action), [action]), action).toBe("next-auth");
    expect(await outcome(form({ csrfToken: TOKEN, email: "a@b.cd", password: "secret", redirect: "false", callbackUrl: "/en", json: "true" }), ["callback", "credentials"])).toBe("next-auth");
    const signOut = new Request("http://localhost/api/auth/signout", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: `csrfToken=${TOKEN}&callbackUrl=%2Fen&json=true` });
    expect(await outcome(signOut, ["signout"])).toBe("next-auth");
  });

  it("answers unknown endpoints with a JSON 404", async () => {
    expect(await outcome(get("nonsense"), ["nonsense"])).toEqual({ status: 404, error: "no such auth endpoint" });
    expect(await outcome(get("session/x"), ["session", "x"])).toMatchObject({ status: 404 });
    expect(await outcome(form({ csrfToken: TOKEN }), ["_log"])).toMatchObject({ status: 404 });
    expect(await outcome(form({ csrfToken: TOKEN }), ["callback", "github"])).toMatchObject({ status: 404 });
  });

  it("refuses broken sign-in forms with a 4xx and a message, before next-auth sees them", async () => {
    expect(await outcome(form({ csrfToken: TOKEN, email: "a@b.cd", password: "x" }, "application/json"), ["callback", "credentials"])).toMatchObject({ status: 415 });
    expect(await outcome(form({ email: "a@b.cd", password: "x" }), ["callback", "credentials"])).toMatchObject({ status: 400, error: expect.stringContaining("csrfToken") });
    expect(await outcome(form({ csrfToken: TOKEN, email: "a@b.cd" }), ["callback", "credentials"])).toMatchObject({ status: 400, error: expect.stringContaining("password") });
    expect(await outcome(form({ csrfToken: TOKEN, email: "a@b.cd", password: "x", constructor: "y" }), ["callback", "credentials"])).toMatchObject({ status: 400 });
    expect(await outcome(form({ csrfToken: TOKEN, email: "a@b.cd", password: "x".repeat(5000) }), ["callback", "credentials"])).toMatchObject({ status: 413 });
    const repeated = new Request("http://localhost/api/auth/callback/credentials", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: `csrfToken=${TOKEN}&email=a%40b.cd&email=c%40d.ef&password=x` });
    expect(await outcome(repeated, ["callback", "credentials"])).toMatchObject({ status: 400, error: expect.stringContaining("repeated") });
    const badBytes = new Request("http://localhost/api/auth/callback/credentials", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: Uint8Array.from([...new TextEncoder().encode(`csrfToken=${TOKEN}&email=`), 0xff]) });
    expect(await outcome(badBytes, ["callback", "credentials"])).toMatchObject({ status: 400, error: expect.stringContaining("UTF-8") });
  });

  it("leaves the request's body readable for next-auth", async () => {
    const req = form({ csrfToken: TOKEN, email: "a@b.cd", password: "secret" });
    expect(await outcome(req, ["callback", "credentials"])).toBe("next-auth");
    expect(await req.text()).toContain("email=a%40b.cd");
  });
});
