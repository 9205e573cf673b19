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
  return new PrismaClient({ adapter: new PrismaLibSQL({ url }) });
}

export const db: PrismaClient = globalForDb.lossless_db ?? createDb();
if (process.env.NODE_ENV !== "production") globalForDb.lossless_db = db;

export type { PrismaClient };
