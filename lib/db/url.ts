/**
 * The database URL: DATABASE_URL when set, otherwise the embedded SQLite file prisma/dev.db.
 * Relative file: URLs are resolved against the project root so the CLI, the server and the
 * tests all open the same file wherever they were started.
 */
import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./prisma/dev.db";

/** postgresql:// or postgres:// URLs run on PostgreSQL (decision 016); file: URLs on SQLite. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.DATABASE_URL || DEFAULT_DATABASE_URL;
  if (!url.startsWith("file:")) return url;
  const file = url.slice("file:".length);
  return path.isAbsolute(file) ? url : `file:${path.resolve(/*turbopackIgnore: true*/ process.cwd(), file)}`;
}
