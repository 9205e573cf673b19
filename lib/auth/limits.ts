import "server-only";
import { hitAll, SlidingWindowLimiter } from "@/lib/security/rate-limit";

const MINUTE = 60_000;

/**
 * Sign-in and sign-up limits (decision 014). Sign-in counts failures only: a correct password
 * gives its attempt back, so people who type their password right are never limited, while
 * guessing stops after 5 wrong tries per account or 50 per address in 15 minutes (an address may
 * be a school behind one NAT, hence the larger number). Sign-up counts every attempt that reaches
 * password hashing: 40 per address per 15 minutes (a class signing up together) and 5 per email.
 */
export const AUTH_LIMITS = {
  signInPerAccount: { limit: 5, windowMs: 15 * MINUTE },
  signInPerIp: { limit: 50, windowMs: 15 * MINUTE },
  signUpPerIp: { limit: 40, windowMs: 15 * MINUTE },
  signUpPerAccount: { limit: 5, windowMs: 15 * MINUTE },
} as const;

export type Refused = { ok: false; retryAfterSeconds: number };

export interface AuthLimits {
  /** Starts a sign-in attempt; the caller must call `finish` with whether the password was right. */
  beginSignIn(ip: string, email: string): { ok: true; finish: (succeeded: boolean) => void } | Refused;
  /** Counts one sign-up attempt, or refuses it. */
  signUp(ip: string, email: string): { ok: true } | Refused;
}

export function createAuthLimits(now?: () => number): AuthLimits {
  const make = (o: { limit: number; windowMs: number }) => new SlidingWindowLimiter({ ...o, now });
  const inAccount = make(AUTH_LIMITS.signInPerAccount);
  const inIp = make(AUTH_LIMITS.signInPerIp);
  const upIp = make(AUTH_LIMITS.signUpPerIp);
  const upAccount = make(AUTH_LIMITS.signUpPerAccount);
  const seconds = (ms: number) => Math.ceil(ms / 1000);
  return {
    beginSignIn(ip, email) {
      // The attempt is counted before the password is checked, so a burst of parallel guesses
      // cannot all pass the check while the first ones are still hashing.
      const r = hitAll([
        [inIp, `ip:${ip}`],
        [inAccount, `account:${email}`],
      ]);
      if (!r.ok) return { ok: false, retryAfterSeconds: seconds(r.retryAfterMs) };
      let finished = false;
      return {
        ok: true,
        finish(succeeded) {
          if (finished || !succeeded) return;
          finished = true;
          inIp.undo(`ip:${ip}`);
          inAccount.reset(`account:${email}`);
        },
      };
    },
    signUp(ip, email) {
      const r = hitAll([
        [upIp, `ip:${ip}`],
        [upAccount, `account:${email}`],
      ]);
      return r.ok ? { ok: true } : { ok: false, retryAfterSeconds: seconds(r.retryAfterMs) };
    },
  };
}

// One set of counters per process, shared by every route bundle that imports this module.
const holder = globalThis as unknown as { __losslessAuthLimits?: AuthLimits };
export const authLimits: AuthLimits = (holder.__losslessAuthLimits ??= createAuthLimits());
