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
  /** The throwaway database the app runs on (tests create accounts in it with the CLI). */
  databaseUrl: string;
  /** The process that serves (next start), below the npm-start wrapper: what SIGKILL must hit. */
  serverPid: number;
  /** The wrapper (scripts/start.ts), as `npm start` runs it. */
  wrapper: ChildProcess;
  /** Everything the wrapper and the server printed so far. */
  output: () => string;
  stop: () => void;
}

/** `databaseUrl` reuses a database (a restart); by default each start gets a new throwaway one. */
export async function startApp(port: string, timeoutMs = 380_000, extraEnv: Record<string, string> = {}, options: { databaseUrl?: string } = {}): Promise<RunningApp> {
  const root = path.join(import.meta.dirname, "..");
  const baseUrl = `http://localhost:${port}`;
  const databaseUrl = options.databaseUrl ?? `file:${path.join(mkdtempSync(path.join(tmpdir(), "lossless-app-")), "app.db")}`;
  const server: ChildProcess = spawn(path.join(root, "node_modules", ".bin", "tsx"), ["scripts/start.ts"], {
    cwd: root,
    env: { ...process.env, ...extraEnv, PORT: port, DATABASE_URL: databaseUrl, NEXTAUTH_URL: baseUrl },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  server.stdout!.on("data", (d) => (output += d));
  server.stderr!.on("data", (d) => (output += d));
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
      server.kill("SIGTERM");
      throw new Error(`the app did not become healthy in time:\n${output.slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  const pid = /server pid (\d+)/.exec(output);
  if (!pid) throw new Error(`the app did not print its server pid:\n${output.slice(-3000)}`);
  return { baseUrl, databaseUrl, serverPid: Number(pid[1]), wrapper: server, output: () => output, stop: () => server.kill("SIGTERM") };
}
