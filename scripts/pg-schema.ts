/**
 * The PostgreSQL twin of the Prisma schema. prisma/schema.prisma (SQLite) is the one source;
 * prisma/pg/schema.prisma is written from it (same models, provider postgresql, its own client in
 * lib/generated/prisma-pg) and committed, and prisma/pg/migrations holds one migration for each
 * one in prisma/migrations, under the same name. `npm run db:migration` keeps them in step;
 * scripts/pg-schema.test.ts fails when they drift.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export const ROOT = path.join(import.meta.dirname, "..");
export const SQLITE_SCHEMA = path.join(ROOT, "prisma", "schema.prisma");
export const SQLITE_MIGRATIONS = path.join(ROOT, "prisma", "migrations");
export const PG_SCHEMA = path.join(ROOT, "prisma", "pg", "schema.prisma");
export const PG_MIGRATIONS = path.join(ROOT, "prisma", "pg", "migrations");

const HEADER = "// Generated from prisma/schema.prisma by `npm run db:migration` (scripts/pg-schema.ts): do not edit.\n";

function replaceOnce(text: string, pattern: RegExp, replacement: string, what: string): string {
  const matches = text.match(new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : pattern.flags + "g"));
  if (matches?.length !== 1) throw new Error(`prisma/schema.prisma: expected exactly one ${what}, found ${matches?.length ?? 0}`);
  return text.replace(pattern, replacement);
}

/** The PostgreSQL schema for a SQLite schema's text: provider and client output change, nothing else. */
export function pgSchema(sqlite: string): string {
  let text = sqlite.replace(/^(\/\/.*\n)+/, "");
  text = replaceOnce(text, /(datasource\s+db\s*\{[^}]*provider\s*=\s*)"sqlite"/, '$1"postgresql"', 'datasource with provider = "sqlite"');
  text = replaceOnce(text, /(generator\s+client\s*\{[^}]*output\s*=\s*)"\.\.\/lib\/generated\/prisma"/, '$1"../../lib/generated/prisma-pg"', 'generator output "../lib/generated/prisma"');
  return HEADER + text;
}

/** Migration folder names (0001_init, …), in order. */
export function migrationNames(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort();
}

/**
 * Problems that make the PostgreSQL schema or migrations (under `root`/prisma/pg) out of step
 * with the SQLite ones; empty when in step.
 */
export function drift(root = ROOT): string[] {
  const problems: string[] = [];
  const at = (...p: string[]) => path.join(root, "prisma", ...p);
  const expected = pgSchema(readFileSync(at("schema.prisma"), "utf8"));
  if (!existsSync(at("pg", "schema.prisma"))) problems.push("prisma/pg/schema.prisma is missing");
  else if (readFileSync(at("pg", "schema.prisma"), "utf8") !== expected) problems.push("prisma/pg/schema.prisma differs from the one generated from prisma/schema.prisma");
  const sqlite = migrationNames(at("migrations"));
  const pg = new Set(migrationNames(at("pg", "migrations")));
  for (const name of sqlite) if (!pg.has(name)) problems.push(`prisma/pg/migrations/${name} is missing`);
  for (const name of pg) if (!sqlite.includes(name)) problems.push(`prisma/pg/migrations/${name} has no SQLite migration of that name`);
  const lock = at("pg", "migrations", "migration_lock.toml");
  if (!existsSync(lock) || !/provider\s*=\s*"postgresql"/.test(readFileSync(lock, "utf8"))) problems.push('prisma/pg/migrations/migration_lock.toml must say provider = "postgresql"');
  return problems;
}

const cliEnv = { PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING: "1", PRISMA_QUERY_ENGINE_LIBRARY: "/bin/false", PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false", PRISMA_HIDE_UPDATE_MESSAGE: "1" };

/** Runs the Prisma CLI (offline: no engine download); throws unless it exits with one of `okCodes`. */
export function prismaCli(args: string[], env: Record<string, string> = {}, okCodes = [0]): { status: number; stdout: string } {
  const r = spawnSync(path.join(ROOT, "node_modules", ".bin", "prisma"), args, { cwd: ROOT, env: { ...process.env, ...cliEnv, ...env }, encoding: "utf8" });
  if (!okCodes.includes(r.status ?? -1)) throw new Error(`prisma ${args.join(" ")} failed (exit ${r.status ?? r.signal}):\n${r.stdout}${r.stderr}`);
  return { status: r.status!, stdout: r.stdout };
}

/** The datamodel of the database at `url` (prisma db pull; prisma.config.ts picks the schema for the URL). */
export function introspect(url: string): string {
  const out = prismaCli(["db", "pull", "--print"], { DATABASE_URL: url }).stdout;
  // A warning about the driver adapter comes first; the schema starts at its first block.
  const start = out.search(/^(generator|datasource|model) /m);
  if (start < 0) throw new Error(`prisma db pull printed no schema:\n${out}`);
  return out.slice(start);
}

/** The SQL script that takes datamodel `from` (null: an empty database) to `to`; null when they are the same. */
export function diffScript(from: string | null, to: string): string | null {
  const dir = mkdtempSync(path.join(tmpdir(), "lossless-diff-"));
  try {
    const file = (name: string, text: string) => (writeFileSync(path.join(dir, name), text), path.join(dir, name));
    const fromArgs = from === null ? ["--from-empty"] : ["--from-schema-datamodel", file("from.prisma", from)];
    const r = prismaCli(["migrate", "diff", ...fromArgs, "--to-schema-datamodel", file("to.prisma", to), "--script", "--exit-code"], {}, [0, 2]);
    return r.status === 2 ? r.stdout : null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
