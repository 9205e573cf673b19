/** The SQLite connection settings: applied before the first query and kept across transactions. */
import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createDb, SQLITE_BUSY_TIMEOUT_MS } from "./client";
import { freshSqliteDb } from "./test-database";

const pragma = async (db: ReturnType<typeof createDb>, name: string) => Object.values((await db.$queryRawUnsafe<Record<string, unknown>[]>(`PRAGMA ${name}`))[0]!)[0];

describe("SQLite connections", () => {
  it("run in WAL mode with a busy timeout from the very first query, also after a transaction", async () => {
    const { url } = await freshSqliteDb();
    const db = createDb(url);
    // The first thing this client does: no fire-and-forget setup may still be running.
    expect(Number(await pragma(db, "busy_timeout"))).toBe(SQLITE_BUSY_TIMEOUT_MS);
    expect(await pragma(db, "journal_mode")).toBe("wal");
    await db.$transaction(async (tx) => tx.user.create({ data: { guestTokenHash: "in-a-transaction" } }));
    // libSQL hands its connection to the transaction and opens a new one afterwards.
    expect(Number(await pragma(db, "busy_timeout"))).toBe(SQLITE_BUSY_TIMEOUT_MS);
    await db.$disconnect();
  });

  it("a write waits for another process's lock instead of failing with SQLITE_BUSY", async () => {
    const { url, db } = await freshSqliteDb();
    await db.user.count();
    // Another process holds the write lock for 600 ms. (It must be another process: libSQL's
    // busy wait blocks this thread, so a lock held by this process could not be released.)
    const holder = spawn(process.execPath, [path.join(import.meta.dirname, "hold-write-lock.test-helper.mjs"), url, "600"], { cwd: process.cwd(), stdio: ["ignore", "pipe", "inherit"] });
    const exited = new Promise<number | null>((resolve) => holder.on("exit", resolve));
    await new Promise<void>((resolve) => holder.stdout!.once("data", () => resolve()));
    const started = Date.now();
    await db.user.create({ data: { guestTokenHash: "waited" } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(await exited).toBe(0);
    expect(await db.user.count()).toBe(2);
    await db.$disconnect();
  });
});
