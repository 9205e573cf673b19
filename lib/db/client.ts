import "server-only";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaClient } from "../generated/prisma/client";
import { PrismaClient as PgPrismaClient } from "../generated/prisma-pg/client";
import { pgAdapter } from "./pg-adapter";
import { databaseUrl, isPostgresUrl } from "./url";

/**
 * The one Prisma client. Kept on globalThis so that dev-mode hot reloads reuse the connection
 * instead of opening a new one per reload.
 */
const globalForDb = globalThis as unknown as { lossless_db?: PrismaClient };

/**
 * A client for `url`: PostgreSQL (postgresql:// or postgres://) through @prisma/adapter-pg and
 * the client generated from prisma/pg/schema.prisma, SQLite (file:) through libSQL. Both are
 * generated from the same models (decision 016), so the app uses one type, the SQLite client's:
 * it offers nothing PostgreSQL lacks.
 */
export function createDb(url = databaseUrl()): PrismaClient {
  if (isPostgresUrl(url)) return new PgPrismaClient({ adapter: pgAdapter(url) }) as unknown as PrismaClient;
  const client = new PrismaClient({ adapter: new PrismaLibSQL({ url }) });
  // Write-ahead logging: readers never wait for a writer, and a commit is one append instead of
  // a rollback journal's several syncs. The mode is stored in the database file.
  if (url.startsWith("file:")) void client.$queryRawUnsafe("PRAGMA journal_mode=WAL").catch(() => {});
  return client;
}

export const db: PrismaClient = globalForDb.lossless_db ?? createDb();
if (process.env.NODE_ENV !== "production") globalForDb.lossless_db = db;

export type { PrismaClient };
