import type { Instrumentation } from "next";

/**
 * Runs once when the server process starts (Next.js instrumentation hook). Installs the graceful
 * shutdown on SIGTERM in the Node.js server (lib/shutdown.ts, decision 015).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { installShutdown } = await import("./lib/shutdown");
    installShutdown();
  }
}

/**
 * Next calls this for every error on the server: a page render, a server action, a route. The
 * error page (app/[locale]/error.tsx) shows the user the error's digest as its "error id"; the log
 * line carries the same id as `errorId` (lib/log/request-error.ts), so a reported id finds its
 * stack.
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logRequestError } = await import("./lib/log/request-error");
  logRequestError(error, request, context);
};
