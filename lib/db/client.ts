import "server-only";
import type { Client, Config } from "@libsql/client";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { onExit } from "../shutdown";
import { PrismaClient } from "../generated/prisma/client";
import { PrismaClient as PgPrismaClient } from "../generated/prisma-pg/client";
import { pgAdapter } from "./pg-adapter";
import { databaseUrl, isPostgresUrl } from "./url";

/**
 * The one Prisma client. Kept on globalThis so that dev-mode hot reloads reuse the connection
 * instead of opening a new one per reload.
 */
const globalForDb = globalThis as unknown as { lossless_db?: PrismaClient };

/** How long a write waits for another connection's write lock before SQLite gives up (SQLITE_BUSY). */
export const SQLITE_BUSY_TIMEOUT_MS = 5_000;
const BUSY_TIMEOUT = `PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`;

/**
 * A libSQL client whose connections are set up before their first query:
 * - write-ahead logging, so readers never wait for a writer and a commit is one append instead
 *   of a rollback journal's several syncs (the mode is stored in the database file);
 * - a busy timeout, so a writer that finds the database locked by another connection (another
 *   process, a command-line tool, a second client) waits for it instead of failing at once.
 * The busy timeout belongs to a connection, and the libSQL client opens a new connection each
 * time it hands its current one to a transaction, so it is set again after every transaction.
 */
export function withSqlitePragmas(client: Client): Client {
  // A failure here (the file is not a database) reaches the first query, which awaits `ready`;
  // until then it is marked handled, so it is not reported as an unhandled rejection.
  const settled = (p: Promise<unknown>) => (p.catch(() => {}), p);
  let ready: Promise<unknown> = settled(client.execute("PRAGMA journal_mode = WAL").then(() => client.execute(BUSY_TIMEOUT)));
  return new Proxy(client, {
    get(target, prop) {
      if (prop === "execute" || prop === "batch" || prop === "executeMultiple")
        return async (...args: unknown[]) => {
          await ready;
          return (target[prop] as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        };
      if (prop === "transaction")
        return async (...args: Parameters<Client["transaction"]>) => {
          await ready;
          const tx = await target.transaction(...args);
          ready = settled(target.execute(BUSY_TIMEOUT));
          return tx;
        };
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

class PrismaSqlite extends PrismaLibSQL {
  override createClient(config: Config): Client {
    return withSqlitePragmas(super.createClient(config));
  }
}

/**
 * A client for `url`: PostgreSQL (postgresql:// or postgres://) through @prisma/adapter-pg and
 * the client generated from prisma/pg/schema.prisma, SQLite (file:) through libSQL. Both are
 * generated from the same models (decision 016), so the app uses one type, the SQLite client's:
 * it offers nothing PostgreSQL lacks.
 */
export function createDb(url = databaseUrl()): PrismaClient {
  if (isPostgresUrl(url)) return new PgPrismaClient({ adapter: pgAdapter(url) }) as unknown as PrismaClient;
  const adapter = url.startsWith("file:") ? new PrismaSqlite({ url }) : new PrismaLibSQL({ url });
  return new PrismaClient({ adapter });
}

export const db: PrismaClient = globalForDb.lossless_db ?? createDb();
if (process.env.NODE_ENV !== "production") globalForDb.lossless_db = db;
// On SIGTERM, once requests have finished (lib/shutdown): SQLite checkpoints its log on the last close.
onExit(() => db.$disconnect());

export type { PrismaClient };
