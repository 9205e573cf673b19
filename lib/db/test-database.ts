/**
 * For tests only: a real, throwaway database with the project's migrations applied, for
 * integration tests. SQLite (a temporary file) by default; when TEST_DATABASE_URL names a
 * PostgreSQL server (`npm run test:pg` sets it), a new database on that server, migrated with
 * prisma/pg/migrations — each call, so each test file, gets its own.
 */
import { createClient } from "@libsql/client";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { createDb, type PrismaClient } from "@/lib/db";
import { isPostgresUrl } from "@/lib/db/url";
import { createPgDatabase } from "@/scripts/pg-server";

export { createPgDatabase };

function migrations(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((m) => readFileSync(path.join(dir, m, "migration.sql"), "utf8"));
}

/** The PostgreSQL server tests run against (its URL, any database on it), or null for SQLite. */
export function testPostgresUrl(): string | null {
  const url = process.env.TEST_DATABASE_URL;
  return url && isPostgresUrl(url) ? url : null;
}

export async function freshDb(): Promise<{ db: PrismaClient; url: string }> {
  const server = testPostgresUrl();
  if (server) {
    const url = await createPgDatabase(server);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      for (const sql of migrations(path.join(process.cwd(), "prisma", "pg", "migrations"))) await client.query(sql);
    } finally {
      await client.end();
    }
    return { db: createDb(url), url };
  }
  return freshSqliteDb();
}

/** Always SQLite, also under `npm run test:pg`: for tests of SQLite itself (pragmas, backup files, a file that is not a database). */
export async function freshSqliteDb(): Promise<{ db: PrismaClient; url: string }> {
  const url = `file:${path.join(mkdtempSync(path.join(tmpdir(), "lossless-db-")), "test.db")}`;
  const client = createClient({ url });
  for (const sql of migrations(path.join(process.cwd(), "prisma", "migrations"))) await client.executeMultiple(sql);
  client.close();
  return { db: createDb(url), url };
}
