/**
 * What `npm start`, `npm run dev` and the browser tests do before the server starts:
 * a NEXTAUTH_SECRET (generated once into .local/, git-ignored), the database URL, and the
 * database schema brought up to date with `prisma migrate deploy`. Lessons and questions live
 * in content/, so there is no seed data to load.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { databaseUrl } from "../lib/db/url";

export const ROOT = path.join(import.meta.dirname, "..");

export function ensureSecret(env: NodeJS.ProcessEnv): void {
  if (env.NEXTAUTH_SECRET) return;
  const file = path.join(ROOT, ".local", "nextauth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
    chmodSync(file, 0o600);
    console.log("Generated a session secret in .local/nextauth-secret");
  }
  env.NEXTAUTH_SECRET = readFileSync(file, "utf8").trim();
}

export function prepareEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  ensureSecret(env);
  env.DATABASE_URL = databaseUrl(env);
  env.PORT ??= "3000";
  // The JavaScript engine needs no native binary; stop the CLI from trying to download one.
  env.PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING ??= "1";
  env.PRISMA_QUERY_ENGINE_LIBRARY ??= "/bin/false";
  env.PRISMA_SCHEMA_ENGINE_BINARY ??= "/bin/false";
  env.NEXTAUTH_URL ??= `http://localhost:${env.PORT}`;
  return env;
}

export function run(command: string, args: string[], env: NodeJS.ProcessEnv): void {
  const r = spawnSync(command, args, { cwd: ROOT, env, stdio: "inherit" });
  if (r.status !== 0) {
    console.error(`\n${command} ${args.join(" ")} failed (exit ${r.status ?? r.signal}).`);
    process.exit(r.status ?? 1);
  }
}

export function migrate(env: NodeJS.ProcessEnv): void {
  const file = env.DATABASE_URL!.startsWith("file:") ? env.DATABASE_URL!.slice(5) : null;
  if (file) mkdirSync(path.dirname(file), { recursive: true });
  run(path.join(ROOT, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], env);
}
