import "server-only";
import { cookies } from "next/headers";

/**
 * The server's idea of "now". Scheduling (spaced review) and mock-interview deadlines read it
 * through here so browser tests can move time forward: when the server runs with
 * LOSSLESS_TEST_CLOCK=1 (only the browser-test server sets it), a `lossless-test-now` cookie
 * holding an ISO date or epoch milliseconds shifts the clock for that browser. In every other
 * process the cookie is ignored (decision 011).
 */
export const TEST_CLOCK_COOKIE = "lossless-test-now";

/** Parses a test clock cookie value; null when absent or not a date. */
export function parseTestNow(value: string | undefined): Date | null {
  if (!value) return null;
  const ms = /^\d+$/.test(value) ? Number(value) : Date.parse(decodeURIComponent(value));
  return Number.isFinite(ms) ? new Date(ms) : null;
}

/** Now, as this request sees it. */
export async function requestNow(): Promise<Date> {
  if (process.env.LOSSLESS_TEST_CLOCK === "1") {
    const jar = await cookies();
    const fake = parseTestNow(jar.get(TEST_CLOCK_COOKIE)?.value);
    if (fake) return fake;
  }
  return new Date();
}
