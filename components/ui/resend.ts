/**
 * Answers survive a flaky network: each answer gets an attempt id once, and a request that fails
 * on the network is sent again, the same body under the same id, after a short pause. The server
 * stores an attempt id once (lib/progress/attempt-id.ts), so a resend of an answer that did
 * arrive (only its response was lost) returns the original result instead of counting twice.
 * Pure browser code without React, so it is unit-tested directly.
 */

/** A random RFC 4122 version-4 UUID. `crypto.randomUUID` exists only on https and localhost; a phone on http://<LAN address> has only `getRandomValues`. */
export function newAttemptId(random: Pick<Crypto, "getRandomValues"> & Partial<Pick<Crypto, "randomUUID">> = globalThis.crypto): string {
  if (typeof random.randomUUID === "function") return random.randomUUID();
  const b = random.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * One attempt id per answer: the same id while the learner sends the same answer to the same
 * question (a retry after a failure), a new one when they change it or answer something else.
 */
export class AttemptIds {
  private readonly ids = new Map<string, { answer: string; id: string }>();
  constructor(private readonly make: () => string = newAttemptId) {}

  /** The id for `answer` (any JSON-able value) to the question `scope`. */
  idFor(scope: string, answer: unknown): string {
    const key = JSON.stringify(answer);
    const known = this.ids.get(scope);
    if (known && known.answer === key) return known.id;
    const id = this.make();
    this.ids.set(scope, { answer: key, id });
    return id;
  }

  /** After a result arrived: the next answer to `scope` is a new attempt. */
  forget(scope: string): void {
    this.ids.delete(scope);
  }
}

/** Statuses a proxy or a restarting server answers with before the app saw the request. */
const RETRY_STATUSES = new Set([502, 503, 504]);

export interface ResendOptions {
  /** Extra tries after the first (1: one resend). */
  retries?: number;
  /** Pause before the first resend; doubled before each further one. */
  backoffMs?: number;
  fetch?: typeof globalThis.fetch;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * POSTs `body` as JSON and resends the identical request when it failed on the network (or a
 * gateway answered 502/503/504). Resolves with the response, whatever its status; rejects with
 * the last network error when every try failed.
 */
export async function postWithResend(url: string, body: unknown, { retries = 1, backoffMs = 500, fetch = globalThis.fetch, sleep = (ms) => new Promise((r) => setTimeout(r, ms)) }: ResendOptions = {}): Promise<Response> {
  const init = { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
  for (let attempt = 0; ; attempt++) {
    try {
      const res = await fetch(url, init);
      if (!RETRY_STATUSES.has(res.status) || attempt >= retries) return res;
    } catch (err) {
      if (attempt >= retries) throw err;
    }
    await sleep(backoffMs * 2 ** attempt);
  }
}
