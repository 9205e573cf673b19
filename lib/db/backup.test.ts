/** Backup and restore of the SQLite database: round trip, checks, and refusing while the database is open elsewhere. */
import { createClient } from "@libsql/client";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { backupSqlite, checkBackup, POSTGRES_MESSAGE, restoreSqlite, sqliteFile } from "./backup";
import { createDb } from "./client";
import { freshSqliteDb } from "./test-database";

/** freshSqliteDb applies the migration files itself; record them as `prisma migrate deploy` would. */
async function withMigrationsTable(url: string) {
  const c = createClient({ url });
  await c.execute(
    'CREATE TABLE "_prisma_migrations" ("id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME, "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME, "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)',
  );
  for (const name of ["0001_init", "0007_answer_attempt_id"]) await c.execute({ sql: "INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, applied_steps_count) VALUES (?, 'x', current_timestamp, ?, 1)", args: [name, name] });
  c.close();
}

const emails = async (db: ReturnType<typeof createDb>) => (await db.user.findMany({ orderBy: { email: "asc" } })).map((u) => u.email);

describe("database backup and restore", () => {
  it("round trip: backup, change the data, restore, the data is back; the replaced database is kept and stale -wal/-shm files are gone", async () => {
    const { url, db } = await freshSqliteDb();
    await withMigrationsTable(url);
    await db.user.create({ data: { email: "kept@example.com" } });
    const dir = mkdtempSync(path.join(tmpdir(), "lossless-backups-"));
    // Taken while a client has the database open in WAL mode, with the write still in the log.
    const backup = await backupSqlite(url, dir, new Date("2026-11-28T10:00:00Z"));
    if (!backup.ok) throw new Error(backup.error);
    expect(path.basename(backup.file)).toBe("test-2026-11-28T10-00-00-000Z.db");
    expect(await checkBackup(backup.file)).toEqual({ ok: true, migration: "0007_answer_attempt_id" });

    await db.user.create({ data: { email: "after-backup@example.com" } });
    await db.user.deleteMany({ where: { email: "kept@example.com" } });
    expect(await emails(db)).toEqual(["after-backup@example.com"]);
    // Left open, as by a server that died: its log (with the last writes) belongs to the database being replaced.
    const file = sqliteFile(url)!;
    expect(existsSync(`${file}-wal`)).toBe(true);

    const restored = await restoreSqlite(url, backup.file, dir, new Date("2026-11-28T11:00:00Z"));
    expect(restored).toMatchObject({ ok: true });
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(existsSync(`${file}-shm`)).toBe(false);
    const after = createDb(url);
    expect(await emails(after)).toEqual(["kept@example.com"]);
    await after.$disconnect();
    await db.$disconnect();
    // The database that was replaced is kept, with the change made after the backup.
    const before = readdirSync(dir).find((f) => f.includes("before-restore"))!;
    expect(before).toBe("test-before-restore-2026-11-28T11-00-00-000Z.db");
    const old = createDb(`file:${path.join(dir, before)}`);
    expect(await emails(old)).toEqual(["after-backup@example.com"]);
    await old.$disconnect();
  });

  it("refuses a file that is not a sound Lossless database, and says so", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "lossless-backups-"));
    const garbage = path.join(dir, "garbage.db");
    writeFileSync(garbage, "this is not a database ".repeat(200));
    const { url } = await freshSqliteDb();
    const bad = await restoreSqlite(url, garbage, dir);
    expect(bad).toMatchObject({ ok: false, error: expect.stringMatching(/not a readable SQLite database|integrity/) });
    const other = path.join(dir, "other.db");
    const c = createClient({ url: `file:${other}` });
    await c.execute("CREATE TABLE notes (id INTEGER)");
    c.close();
    expect(await restoreSqlite(url, other, dir)).toEqual({ ok: false, error: `${other} is not a Lossless database (it has no _prisma_migrations table)` });
    expect(await restoreSqlite(url, path.join(dir, "missing.db"), dir)).toMatchObject({ ok: false, error: expect.stringMatching(/no such file/) });
    expect(readdirSync(dir).some((f) => f.includes("before-restore"))).toBe(false);
  });

  it("refuses to restore while another process has the database open", async () => {
    const { url, db } = await freshSqliteDb();
    await withMigrationsTable(url);
    const dir = mkdtempSync(path.join(tmpdir(), "lossless-backups-"));
    const backup = await backupSqlite(url, dir);
    if (!backup.ok) throw new Error(backup.error);
    await db.$disconnect();
    // The app, as far as the restore can tell: a process holding the file open.
    const holder = spawn(process.execPath, ["-e", "const fs = require('fs'); fs.openSync(process.argv[1], 'r'); process.stdout.write('open\\n'); setInterval(() => {}, 1000);", sqliteFile(url)!], { stdio: ["ignore", "pipe", "inherit"] });
    await new Promise<void>((resolve) => holder.stdout!.once("data", () => resolve()));
    const refused = await restoreSqlite(url, backup.file, dir);
    expect(refused).toEqual({ ok: false, error: expect.stringContaining(`is open in process ${holder.pid} (is the app running?)`) });
    holder.kill();
    await new Promise((r) => holder.once("exit", r));
    expect((await restoreSqlite(url, backup.file, dir)).ok).toBe(true);
  });

  it("points PostgreSQL users to pg_dump and pg_restore", async () => {
    expect(await backupSqlite("postgresql://app@127.0.0.1/lossless", "/tmp")).toEqual({ ok: false, error: POSTGRES_MESSAGE });
    expect(await restoreSqlite("postgresql://app@127.0.0.1/lossless", "x.db", "/tmp")).toEqual({ ok: false, error: POSTGRES_MESSAGE });
    expect(POSTGRES_MESSAGE).toMatch(/pg_dump.*pg_restore/);
  });
});
