/** For tests only: a real, throwaway SQLite database with the project's migrations applied, for integration tests. */
import { createClient } from "@libsql/client";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDb, type PrismaClient } from "@/lib/db";

export async function freshDb(): Promise<{ db: PrismaClient; url: string }> {
  const url = `file:${path.join(mkdtempSync(path.join(tmpdir(), "lossless-db-")), "test.db")}`;
  const client = createClient({ url });
  const dir = path.join(process.cwd(), "prisma", "migrations");
  for (const m of readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort())
    await client.executeMultiple(readFileSync(path.join(dir, m, "migration.sql"), "utf8"));
  client.close();
  return { db: createDb(url), url };
}
