import "server-only";
import type { Logger } from "pino";
import { log, requestContext } from "./logger";
import { REQUEST_ID_HEADER, requestIdFrom } from "./request-id";

/** Next's own control-flow throws (redirect, notFound) carry a digest starting with NEXT_; they are not failures. */
const isNextControlFlow = (err: unknown) => typeof (err as { digest?: unknown })?.digest === "string" && (err as { digest: string }).digest.startsWith("NEXT_");

/** Bodies below this size are not worth compressing (the size under which Next's compression skips a body of known length). */
export const SMALL_BODY_BYTES = 1024;

/**
 * The response with its request id; a small JSON answer is also marked `no-transform`. Next
 * drops a route's Content-Length, so its compression cannot tell that a `{"accepted":true}` is
 * too small to gain anything, and starts a gzip stream for every such answer: a tenth of the
 * server's time in a live session of hundreds of learners (bench:live). A JSON answer is small
 * and in memory, so it is measured here; `no-transform` is what the compression honours. Larger
 * bodies and streams (live feeds) are compressed as before.
 */
async function finish(res: Response, requestId: string): Promise<Response> {
  if (res.body !== null && (res.headers.get("content-type") ?? "").startsWith("application/json")) {
    const body = new Uint8Array(await res.arrayBuffer());
    const sized = new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
    // Only `no-transform` is added: `no-store` on an answer whose body the page never reads (a
    // fire-and-forget POST) keeps Chrome's request open until the page goes away.
    if (body.byteLength < SMALL_BODY_BYTES) sized.headers.set("cache-control", [res.headers.get("cache-control"), "no-transform"].filter(Boolean).join(", "));
    sized.headers.set(REQUEST_ID_HEADER, requestId);
    return sized;
  }
  try {
    res.headers.set(REQUEST_ID_HEADER, requestId);
    return res;
  } catch {
    // Some responses (Response.redirect) have immutable headers: copy them.
    const copy = new Response(res.body, res);
    copy.headers.set(REQUEST_ID_HEADER, requestId);
    return copy;
  }
}

/**
 * Wraps a route handler: every API request gets a request id (kept from a sane incoming
 * `x-request-id`, else new) on its response, and one log line when it is answered — method,
 * path (no query string), status, duration, request id, and the user when the handler resolved
 * one. A handler that throws is logged with its stack and answered 500 {error, id}, the id being
 * the request id in that log line. Bodies are never read here.
 */
export function makeApi(logger: Logger) {
  return function api<A extends unknown[]>(handler: (req: Request, ...rest: A) => Response | Promise<Response>) {
    return async (req: Request, ...rest: A): Promise<Response> => {
      const started = performance.now();
      const ctx = { requestId: requestIdFrom(req.headers.get(REQUEST_ID_HEADER)) } as { requestId: string; userId?: string };
      const path = new URL(req.url).pathname;
      let res: Response;
      try {
        res = await requestContext.run(ctx, () => handler(req, ...rest));
      } catch (err) {
        if (isNextControlFlow(err)) throw err;
        logger.error({ requestId: ctx.requestId, method: req.method, path, userId: ctx.userId, err }, "request failed");
        res = Response.json({ error: "something went wrong on our side; if it keeps happening, report this id", id: ctx.requestId }, { status: 500 });
      }
      const fields = { requestId: ctx.requestId, method: req.method, path, status: res.status, durationMs: Math.round((performance.now() - started) * 10) / 10, ...(ctx.userId ? { userId: ctx.userId } : {}) };
      if (res.status >= 500) logger.warn(fields, "request");
      else logger.info(fields, "request");
      return finish(res, ctx.requestId);
    };
  };
}

export const api = makeApi(log);
