import { minutesToWait } from "./rate-limited";

/**
 * The answer to a refused sign-in or sign-up: 429 with Retry-After (seconds) and a JSON body with
 * a message, the code the forms translate and the wait.
 */
export function tooManyAttempts(retryAfterSeconds: number, extra: Record<string, unknown> = {}): Response {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  const minutes = minutesToWait(seconds);
  return Response.json(
    {
      ...extra,
      error: `too many attempts — try again in ${minutes} minute${minutes === 1 ? "" : "s"}`,
      code: "rate-limited",
      retryAfterSeconds: seconds,
    },
    { status: 429, headers: { "retry-after": String(seconds) } },
  );
}
