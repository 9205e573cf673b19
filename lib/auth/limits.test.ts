import { describe, expect, it } from "vitest";
import { AUTH_LIMITS, createAuthLimits } from "./limits";

function clock() {
  const c = { t: 5_000_000, now: () => c.t };
  return c;
}

describe("sign-in limits", () => {
  it("refuses an account after 5 wrong passwords, even with the right one, for the rest of 15 minutes", () => {
    const c = clock();
    const limits = createAuthLimits(c.now);
    for (let i = 0; i < AUTH_LIMITS.signInPerAccount.limit; i++) {
      const a = limits.beginSignIn(`10.0.0.${i}`, "ada@example.com");
      if (!a.ok) throw new Error("refused too early");
      a.finish(false);
      c.t += 60_000;
    }
    const refused = limits.beginSignIn("10.0.1.1", "ada@example.com");
    // The first failure was 5 minutes ago: 10 minutes to go.
    expect(refused).toEqual({ ok: false, retryAfterSeconds: 600 });
    expect(limits.beginSignIn("10.0.1.1", "other@example.com").ok).toBe(true);
    c.t += 600_000;
    expect(limits.beginSignIn("10.0.1.1", "ada@example.com").ok).toBe(true);
  });

  it("never limits correct passwords: a success gives its attempt back and clears the account", () => {
    const limits = createAuthLimits(clock().now);
    for (let i = 0; i < 500; i++) {
      const a = limits.beginSignIn("127.0.0.1", `user-${i % 7}@example.com`);
      if (!a.ok) throw new Error(`refused at ${i}`);
      a.finish(true);
    }
    for (let i = 0; i < 4; i++) {
      const a = limits.beginSignIn("127.0.0.1", "typo@example.com");
      if (a.ok) a.finish(false);
    }
    const ok = limits.beginSignIn("127.0.0.1", "typo@example.com");
    if (!ok.ok) throw new Error("refused");
    ok.finish(true);
    // Cleared: five more wrong tries are allowed before the sixth is refused.
    for (let i = 0; i < 5; i++) {
      const a = limits.beginSignIn("127.0.0.1", "typo@example.com");
      if (!a.ok) throw new Error(`refused at ${i}`);
      a.finish(false);
    }
    expect(limits.beginSignIn("127.0.0.1", "typo@example.com").ok).toBe(false);
  });

  it("refuses an address after 50 wrong passwords across accounts", () => {
    const limits = createAuthLimits(clock().now);
    for (let i = 0; i < AUTH_LIMITS.signInPerIp.limit; i++) {
      const a = limits.beginSignIn("198.51.100.1", `victim-${i}@example.com`);
      if (!a.ok) throw new Error(`refused at ${i}`);
      a.finish(false);
    }
    expect(limits.beginSignIn("198.51.100.1", "fresh@example.com")).toEqual({ ok: false, retryAfterSeconds: 900 });
    expect(limits.beginSignIn("198.51.100.2", "fresh@example.com").ok).toBe(true);
  });

  it("counts attempts still being checked, so a parallel burst cannot slip past the limit", () => {
    const limits = createAuthLimits(clock().now);
    const started = Array.from({ length: 20 }, () => limits.beginSignIn("203.0.113.5", "ada@example.com"));
    expect(started.filter((a) => a.ok)).toHaveLength(AUTH_LIMITS.signInPerAccount.limit);
  });
});

describe("sign-up limits", () => {
  it("allows a class of 40 from one address in 15 minutes, then refuses; 5 tries per email", () => {
    const c = clock();
    const limits = createAuthLimits(c.now);
    for (let i = 0; i < AUTH_LIMITS.signUpPerIp.limit; i++) expect(limits.signUp("192.0.2.10", `student-${i}@school.example`).ok).toBe(true);
    expect(limits.signUp("192.0.2.10", "late@school.example")).toEqual({ ok: false, retryAfterSeconds: 900 });
    for (let i = 0; i < AUTH_LIMITS.signUpPerAccount.limit; i++) expect(limits.signUp(`192.0.2.${20 + i}`, "taken@example.com").ok).toBe(true);
    expect(limits.signUp("192.0.2.99", "taken@example.com").ok).toBe(false);
    c.t += 15 * 60_000;
    expect(limits.signUp("192.0.2.10", "late@school.example").ok).toBe(true);
  });
});
