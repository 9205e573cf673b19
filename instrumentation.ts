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
