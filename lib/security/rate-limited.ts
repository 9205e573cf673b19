/**
 * How a refused sign-in or sign-up reaches the browser. next-auth passes only an error string from
 * authorize() to the client, so the wait travels inside it: `RateLimited:<seconds>`. Pure, used
 * on the server (to raise it and to turn it into HTTP 429) and in the sign-in form (to word it).
 */
export const RATE_LIMITED = "RateLimited";

export function rateLimitedCode(retryAfterSeconds: number): string {
  return `${RATE_LIMITED}:${Math.max(1, Math.ceil(retryAfterSeconds))}`;
}

/** The seconds to wait in a `RateLimited:<seconds>` code, or null for any other string. */
export function parseRateLimited(code: string | null | undefined): number | null {
  const m = /^RateLimited:(\d{1,7})$/.exec(code ?? "");
  return m ? Number(m[1]) : null;
}

/** Whole minutes to tell a person, never 0 ("try again in 1 minute" for 20 seconds). */
export function minutesToWait(retryAfterSeconds: number): number {
  return Math.max(1, Math.ceil(retryAfterSeconds / 60));
}
