/**
 * Starts the app exactly as `npm start` does (building it if its sources changed) on a port with
 * a throwaway SQLite database, and waits for /api/health. Used by the browser tests and the
 * browser benchmarks.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export interface RunningApp {
  baseUrl: string;
  /** The database the app runs on (tests create accounts in it with the CLI). */
  databaseUrl: string;
  /** The process that serves (next start), below the npm-start wrapper: what SIGKILL must hit. */
  serverPid: number;
  /** The wrapper (scripts/start.ts), as `npm start` runs it. */
  wrapper: ChildProcess;
  /** Everything the server printed so far (its JSON log lines among them). */
  output: () => string;
  /** Sends SIGTERM; resolves once the server has exited and its port is free. */
  stop: () => Promise<void>;
}

export interface StartOptions {
  /** Run on this database instead of a new throwaway one (a restart on the same data). */
  databaseUrl?: string;
  /**
   * Serve the build that is already in .next without checking whether the sources changed: for a
   * second server started while the suite's own server runs from the same build, which a
   * rebuild would pull from under it.
   */
  reuseBuild?: boolean;
}

/** This process's environment without the test runner's own markers (VITEST… would, for one, silence the app's logs). */
function ownEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("VITEST"))) as NodeJS.ProcessEnv;
}

export async function startApp(port: string, timeoutMs = 380_000, extraEnv: Record<string, string> = {}, options: StartOptions = {}): Promise<RunningApp> {
  const root = path.join(import.meta.dirname, "..");
  const baseUrl = `http://localhost:${port}`;
  const databaseUrl = options.databaseUrl ?? `file:${path.join(mkdtempSync(path.join(tmpdir(), "lossless-app-")), "app.db")}`;
  // Its own process group (tsx, start.ts, next-server), so that stopping it reaches them all.
  const server: ChildProcess = spawn(path.join(root, "node_modules", ".bin", "tsx"), ["scripts/start.ts"], {
    cwd: root,
    env: { ...ownEnv(), ...extraEnv, PORT: port, DATABASE_URL: databaseUrl, NEXTAUTH_URL: baseUrl, ...(options.reuseBuild ? { LOSSLESS_REUSE_BUILD: "1" } : {}) },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-server.pid!, signal);
    } catch {
      // already gone
    }
  };
  // Whatever happens to this process, the server does not outlive it.
  const killOnExit = () => signalGroup("SIGKILL");
  process.once("exit", killOnExit);
  let output = "";
  server.stdout!.on("data", (d) => (output += d));
  server.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  /** SIGTERM, as a process manager would send; a server still running 30 s later is killed and reported. */
  const stop = async () => {
    process.off("exit", killOnExit);
    if (server.exitCode !== null || server.signalCode !== null) return;
    signalGroup("SIGTERM");
    let timer: NodeJS.Timeout | undefined;
    const late = await Promise.race([exited.then(() => false), new Promise<boolean>((r) => (timer = setTimeout(() => r(true), 30_000)))]);
    clearTimeout(timer);
    if (late) {
      signalGroup("SIGKILL");
      await exited;
      throw new Error(`the app did not exit within 30 s of SIGTERM:\n${output.slice(-2000)}`);
    }
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the app exited before it was ready:\n${output.slice(-3000)}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the app did not become healthy in time:\n${output.slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  const pid = /server pid (\d+)/.exec(output);
  if (!pid) throw new Error(`the app did not print its server pid:\n${output.slice(-3000)}`);
  return { baseUrl, databaseUrl, serverPid: Number(pid[1]), wrapper: server, output: () => output, stop };
}
