import { describe, expect, it } from "vitest";
import { tooManyAttempts } from "./http";
import { minutesToWait, parseRateLimited, rateLimitedCode } from "./rate-limited";

describe("a refused attempt over HTTP", () => {
  it("is 429 with Retry-After in whole seconds and a message naming the minutes", async () => {
    const res = tooManyAttempts(899.2, { url: "http://x/api/auth/error" });
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("900");
    expect(await res.json()).toEqual({ url: "http://x/api/auth/error", error: "too many attempts — try again in 15 minutes", code: "rate-limited", retryAfterSeconds: 900 });
    expect((await tooManyAttempts(30).json()).error).toBe("too many attempts — try again in 1 minute");
  });

  it("travels through next-auth as RateLimited:<seconds>, and nothing else parses as one", () => {
    expect(parseRateLimited(rateLimitedCode(61.5))).toBe(62);
    expect(parseRateLimited(rateLimitedCode(0))).toBe(1);
    for (const other of ["CredentialsSignin", "RateLimited", "RateLimited:", "RateLimited:-5", "RateLimited:12x", "xRateLimited:5", null, undefined]) expect(parseRateLimited(other)).toBeNull();
    expect([minutesToWait(1), minutesToWait(60), minutesToWait(61), minutesToWait(900)]).toEqual([1, 1, 2, 15]);
  });
});
