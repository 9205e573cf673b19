import "server-only";
import type { Instrumentation } from "next";
import type { Logger } from "pino";
import { log } from "./logger";
import { REQUEST_ID_HEADER } from "./request-id";

/**
 * Next's onRequestError hook (instrumentation.ts): a page, server action or route that failed on
 * the server. The error's digest is the "error id" the error page shows the user
 * (app/[locale]/error.tsx), so it is logged as `errorId`, with the stack and the request id.
 */
export function logRequestError(error: unknown, request: Parameters<Instrumentation.onRequestError>[1], context: Parameters<Instrumentation.onRequestError>[2], logger: Logger = log): void {
  const digest = (error as { digest?: unknown })?.digest;
  const header = request.headers[REQUEST_ID_HEADER];
  logger.error(
    {
      errorId: typeof digest === "string" ? digest : undefined,
      requestId: Array.isArray(header) ? header[0] : header,
      method: request.method,
      path: request.path.split("?")[0],
      routePath: context.routePath,
      routeType: context.routeType,
      err: error instanceof Error ? error : new Error(String(error)),
    },
    "request error",
  );
}
