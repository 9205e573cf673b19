import "server-only";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaClient } from "../generated/prisma/client";
import { databaseUrl } from "./url";

/**
 * The one Prisma client. Kept on globalThis so that dev-mode hot reloads reuse the connection
 * instead of opening a new one per reload.
 */
const globalForDb = globalThis as unknown as { lossless_db?: PrismaClient };

export function createDb(url = databaseUrl()): PrismaClient {
  const client = new PrismaClient({ adapter: new PrismaLibSQL({ url }) });
  // Write-ahead logging: readers never wait for a writer, and a commit is one append instead of
  // a rollback journal's several syncs. The mode is stored in the database file.
  if (url.startsWith("file:")) void client.$queryRawUnsafe("PRAGMA journal_mode=WAL").catch(() => {});
  return client;
}

export const db: PrismaClient = globalForDb.lossless_db ?? createDb();
if (process.env.NODE_ENV !== "production") globalForDb.lossless_db = db;

export type { PrismaClient };
