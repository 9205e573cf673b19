import { z } from "zod";
import type { ApiResult } from "./api";

/**
 * Reading a JSON request body defensively, for every endpoint that takes one. Before any schema
 * sees the body, it must be declared as JSON (a cross-site form cannot send that without a
 * preflight), fit in MAX_BODY_BYTES (counted while reading, so a huge body is never held in
 * memory), be valid UTF-8 (otherwise the decoder would turn bytes into U+FFFD and a nickname of
 * junk would be stored), parse, nest at most MAX_DEPTH levels, contain no unpaired surrogate
 * (`"\ud800"` parses, but the database cannot encode it and fails) and no `__proto__` key.
 * Each failure is a 4xx with a message naming the problem.
 */

/** The largest body any endpoint needs: a 4,000-character answer in Chinese is about 12 KB. */
export const MAX_BODY_BYTES = 16 * 1024;
/** Deeper than any schema goes (the deepest is a response inside an answer, three levels). */
export const MAX_DEPTH = 16;

const fail = (status: number, error: string): { ok: false; result: ApiResult } => ({ ok: false, result: { status, body: { error } } });

/** Reads at most `limit` bytes; null when the body is longer. */
export async function readCapped(req: Request, limit: number): Promise<Uint8Array | null> {
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // Not awaited: cancelling one branch of a cloned (teed) body settles only when both are cancelled.
      reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** An unpaired UTF-16 surrogate (with the u flag, a proper pair is one code point and does not match). */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** The first structural problem of a parsed body, or null. Iterative, so no body can exhaust the stack. */
export function bodyProblem(value: unknown): string | null {
  const stack: { v: unknown; depth: number }[] = [{ v: value, depth: 0 }];
  while (stack.length > 0) {
    const { v, depth } = stack.pop()!;
    if (typeof v === "string") {
      if (LONE_SURROGATE.test(v)) return "text contains an unpaired surrogate (\\ud800–\\udfff); send valid Unicode";
    } else if (v !== null && typeof v === "object") {
      if (depth >= MAX_DEPTH) return `nested more than ${MAX_DEPTH} levels deep`;
      if (Array.isArray(v)) for (const item of v) stack.push({ v: item, depth: depth + 1 });
      else
        for (const key of Object.keys(v)) {
          if (key === "__proto__") return 'the key "__proto__" is not allowed';
          if (LONE_SURROGATE.test(key)) return "a key contains an unpaired surrogate; send valid Unicode";
          stack.push({ v: (v as Record<string, unknown>)[key], depth: depth + 1 });
        }
    }
  }
  return null;
}

export async function readJson(req: Request): Promise<{ ok: true; body: unknown } | { ok: false; result: ApiResult }> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type)) return fail(415, 'body: send JSON with the header "Content-Type: application/json"');
  const declared = Number(req.headers.get("content-length"));
  if (declared > MAX_BODY_BYTES) return fail(413, `body is too large (at most ${MAX_BODY_BYTES} bytes)`);
  const bytes = await readCapped(req, MAX_BODY_BYTES);
  if (!bytes) return fail(413, `body is too large (at most ${MAX_BODY_BYTES} bytes)`);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return fail(400, "body: not valid UTF-8");
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return fail(400, "body: not valid JSON");
  }
  const problem = bodyProblem(body);
  return problem ? fail(400, `body: ${problem}`) : { ok: true, body };
}

/** The first problem of a query string against its schema, as the 400 to send; or the values. */
export function readQuery<T extends z.ZodType>(req: Request, schema: T): { ok: true; value: z.infer<T> } | { ok: false; result: ApiResult } {
  const params = new URL(req.url).searchParams;
  const parsed = schema.safeParse(Object.fromEntries(params));
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0]!;
  return fail(400, `${issue.path.join(".") || "query"}: ${issue.message}`);
}

/** The query of routes whose only parameter is the language of the text they send. */
export const localeQuery = z.object({ locale: z.enum(["en", "zh"]).default("en") });
