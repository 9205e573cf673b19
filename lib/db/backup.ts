/**
 * Backups of the embedded SQLite database (`npm run db:backup`, `npm run db:restore`).
 *
 * A backup is `VACUUM INTO`: a consistent copy taken by SQLite itself while the app runs (it
 * reads one snapshot, includes what is still in the write-ahead log, and never blocks writers
 * for long). A restore checks the file first (integrity, and that it is this app's database),
 * refuses while a process has the database open, keeps a copy of the current database, puts the
 * backup in place with a rename, and removes the old -wal and -shm files, which belong to the
 * replaced database and would otherwise be replayed into the restored one.
 * Node only (no "server-only" marker): the command-line scripts import it directly.
 */
import { createClient } from "@libsql/client";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readlinkSync, renameSync, rmSync } from "node:fs";
import path from "node:path";

export type BackupResult = { ok: true; file: string; detail: string } | { ok: false; error: string };

/** The database file of a file: URL; null for any other kind of database. */
export function sqliteFile(url: string): string | null {
  if (!url.startsWith("file:")) return null;
  return path.resolve(url.slice("file:".length).split("?")[0]!);
}

/** What to tell someone who runs these commands against PostgreSQL. */
export const POSTGRES_MESSAGE =
  "DATABASE_URL is a PostgreSQL database: back it up with pg_dump (e.g. pg_dump --format=custom --file=lossless.dump \"$DATABASE_URL\") and restore it with pg_restore (pg_restore --clean --if-exists --dbname=\"$DATABASE_URL\" lossless.dump), with the app stopped.";

const stamp = (now: Date) => now.toISOString().replace(/[:.]/g, "-");
const quote = (file: string) => `'${file.replace(/'/g, "''")}'`;

/** A consistent copy of the database in `dir`, named after the database and the time. */
export async function backupSqlite(url: string, dir: string, now = new Date(), label = ""): Promise<BackupResult> {
  const file = sqliteFile(url);
  if (!file) return { ok: false, error: POSTGRES_MESSAGE };
  if (!existsSync(file)) return { ok: false, error: `there is no database at ${file}` };
  mkdirSync(dir, { recursive: true });
  const target = path.join(dir, `${path.basename(file, path.extname(file))}${label ? `-${label}` : ""}-${stamp(now)}.db`);
  const client = createClient({ url: `file:${file}` });
  try {
    await client.execute(`VACUUM INTO ${quote(target)}`);
  } finally {
    client.close();
  }
  return { ok: true, file: target, detail: `${file} → ${target}` };
}

/** Whether a file is a sound SQLite database with this app's migrations applied; names the latest. */
export async function checkBackup(file: string): Promise<{ ok: true; migration: string } | { ok: false; error: string }> {
  if (!existsSync(file)) return { ok: false, error: `no such file: ${file}` };
  const client = createClient({ url: `file:${path.resolve(file)}` });
  try {
    const integrity = await client.execute("PRAGMA integrity_check");
    const verdict = String(Object.values(integrity.rows[0] ?? {})[0] ?? "");
    if (verdict !== "ok") return { ok: false, error: `${file} fails SQLite's integrity check: ${verdict}` };
    const table = await client.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'");
    if (table.rows.length === 0) return { ok: false, error: `${file} is not a Lossless database (it has no _prisma_migrations table)` };
    const latest = await client.execute("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name DESC LIMIT 1");
    if (latest.rows.length === 0) return { ok: false, error: `${file} has no applied migrations` };
    return { ok: true, migration: String(latest.rows[0]!.migration_name) };
  } catch (err) {
    return { ok: false, error: `${file} is not a readable SQLite database: ${(err as Error).message}` };
  } finally {
    client.close();
  }
}

/** Processes (other than this one) that have the database or its log open; empty where /proc cannot tell (not Linux). */
export function processesUsing(file: string): number[] {
  if (!existsSync("/proc")) return [];
  const names = new Set([file, `${file}-wal`, `${file}-shm`]);
  const found: number[] = [];
  for (const entry of readdirSync("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      if (readdirSync(`/proc/${pid}/fd`).some((fd) => names.has(safeReadlink(`/proc/${pid}/fd/${fd}`)))) found.push(pid);
    } catch {
      // gone, or not ours to look at
    }
  }
  return found;
}

function safeReadlink(p: string): string {
  try {
    return readlinkSync(p);
  } catch {
    return "";
  }
}

/** Replaces the database with a checked backup, after keeping a copy of the current one in `dir`. */
export async function restoreSqlite(url: string, backup: string, dir: string, now = new Date()): Promise<BackupResult> {
  const file = sqliteFile(url);
  if (!file) return { ok: false, error: POSTGRES_MESSAGE };
  const checked = await checkBackup(backup);
  if (!checked.ok) return checked;
  const users = processesUsing(file);
  if (users.length > 0) return { ok: false, error: `the database ${file} is open in process ${users.join(", ")} (is the app running?): stop it, then restore` };
  let kept = "";
  if (existsSync(file)) {
    const copy = await backupSqlite(url, dir, now, "before-restore");
    if (!copy.ok) return copy;
    kept = `; the database it replaced is kept as ${copy.file}`;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const incoming = `${file}.restoring`;
  copyFileSync(backup, incoming);
  // The old log and index belong to the database being replaced: replayed into the restored file they would corrupt it.
  rmSync(`${file}-wal`, { force: true });
  rmSync(`${file}-shm`, { force: true });
  renameSync(incoming, file);
  return { ok: true, file, detail: `restored ${path.resolve(backup)} (migrations up to ${checked.migration}) into ${file}${kept}` };
}
