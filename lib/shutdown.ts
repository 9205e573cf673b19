/**
 * Graceful shutdown of the server process on SIGTERM (decision 015).
 *
 * `next start` already handles SIGTERM: it stops accepting connections (`server.close()`), waits
 * for the open ones to finish, closes the Next server, and exits with 143. Two things are
 * missing, and this module adds them:
 * - Server-Sent Events streams never finish by themselves, so `server.close()` would wait for them
 *   forever. On SIGTERM every open stream is ended (`onDrain`); browsers reconnect by themselves
 *   (EventSource), to another instance or to this one once it is back.
 * - Nothing bounds the wait, and the database is not closed. After GRACE_MS the process ends
 *   anyway; either way, the database connections (`onExit`) are closed before it exits with 0.
 *
 * Server code only (it is imported by instrumentation.ts, which is not bundled under the
 * react-server condition that "server-only" requires). The registry lives on globalThis because the app's bundles may each hold their own copy of a
 * module, while there is one process to shut down.
 */
export const SHUTDOWN_GRACE_MS = 10_000;

interface Registry {
  draining: boolean;
  installed: WeakSet<NodeJS.Process>;
  drain: Set<() => void>;
  exit: Set<() => Promise<void>>;
}
const g = globalThis as unknown as { __losslessShutdown?: Registry };
const registry = (g.__losslessShutdown ??= { draining: false, installed: new WeakSet(), drain: new Set(), exit: new Set() });

/** Whether the process is shutting down (new long-lived work should not start). */
export const draining = () => registry.draining;

/** Runs `fn` when shutdown starts (or now, if it already has); returns a function that unregisters it. */
export function onDrain(fn: () => void): () => void {
  if (registry.draining) {
    queueMicrotask(fn);
    return () => {};
  }
  registry.drain.add(fn);
  return () => registry.drain.delete(fn);
}

/** Runs `fn` (e.g. closing the database) after requests have finished, just before the process exits. */
export function onExit(fn: () => Promise<void>): void {
  registry.exit.add(fn);
}

async function runExitHooks(log: (line: string) => void): Promise<void> {
  await Promise.all(
    [...registry.exit].map((fn) =>
      fn().catch((err: unknown) => {
        log(`shutdown: ${(err as Error).message}`);
      }),
    ),
  );
}

/**
 * Installs the SIGTERM (and SIGINT) handling in the server process (instrumentation.ts). `exit` and `log` are
 * parameters so the sequence can be tested in-process.
 */
export function installShutdown({ graceMs = SHUTDOWN_GRACE_MS, proc = process, log = (line: string) => console.log(line) }: { graceMs?: number; proc?: NodeJS.Process; log?: (line: string) => void } = {}): void {
  if (registry.installed.has(proc)) return;
  registry.installed.add(proc);
  registry.draining = false;
  // Ctrl-C (SIGINT) stops the same way: Next handles both signals alike.
  let signalled = false;
  const stop = (signal: NodeJS.Signals) => {
    if (signalled) return;
    signalled = true;
    registry.draining = true;
    const streams = registry.drain.size;
    for (const fn of [...registry.drain]) fn();
    registry.drain.clear();
    log(`${signal}: no new connections; ${streams} event stream(s) ended; waiting up to ${graceMs / 1000} s for requests in flight`);
    const exit = proc.exit.bind(proc);
    let exiting = false;
    const finish = (why: string) => {
      if (exiting) return;
      exiting = true;
      void runExitHooks(log).finally(() => {
        log(`shutdown: ${why}; database closed; exiting`);
        exit(0);
      });
    };
    // Next calls process.exit once its server has closed (every request answered): that is the
    // moment to close the database. Exiting 0 says the stop was clean.
    proc.exit = ((_code?: number) => finish("requests finished")) as NodeJS.Process["exit"];
    setTimeout(() => finish(`requests still open after ${graceMs / 1000} s were cut`), graceMs).unref();
  };
  proc.on("SIGTERM", () => stop("SIGTERM"));
  proc.on("SIGINT", () => stop("SIGINT"));
}
