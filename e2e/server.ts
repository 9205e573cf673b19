/**
 * Global setup for the browser tests: starts the app exactly as `npm start` does (building it if
 * its sources changed) on a free port with a throwaway SQLite database, waits for /api/health,
 * and stops it afterwards.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

const PORT = process.env.E2E_PORT ?? "3217";
let server: ChildProcess | null = null;

export default async function setup(project: TestProject) {
  const root = path.join(import.meta.dirname, "..");
  const dir = mkdtempSync(path.join(tmpdir(), "lossless-e2e-"));
  const baseUrl = `http://localhost:${PORT}`;
  server = spawn(path.join(root, "node_modules", ".bin", "tsx"), ["scripts/start.ts"], {
    cwd: root,
    env: { ...process.env, PORT, DATABASE_URL: `file:${path.join(dir, "e2e.db")}`, NEXTAUTH_URL: baseUrl },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  server.stdout!.on("data", (d) => (output += d));
  server.stderr!.on("data", (d) => (output += d));
  const deadline = Date.now() + 380_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the app exited before it was ready:\n${output.slice(-3000)}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the app did not become healthy in time:\n${output.slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  project.provide("baseUrl", baseUrl);
  return async () => {
    server?.kill("SIGTERM");
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
