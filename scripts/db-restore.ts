/**
 * `npm run db:restore -- backups/<file>.db`: puts a backup in place of the SQLite database
 * (DATABASE_URL, or prisma/dev.db). Stop the app first: the restore refuses while a process has
 * the database open. The replaced database is kept in backups/. `npm start` then applies any
 * migrations newer than the backup.
 */
import path from "node:path";
import { restoreSqlite } from "../lib/db/backup";
import { databaseUrl } from "../lib/db/url";
import { ROOT } from "./prepare-runtime";

const file = process.argv[2];
if (!file || process.argv.length > 3) {
  process.stderr.write("usage: npm run db:restore -- <backup file, e.g. backups/dev-2026-11-28T10-00-00-000Z.db>\n");
  process.exit(2);
}
const result = await restoreSqlite(databaseUrl(), path.resolve(file), path.join(ROOT, "backups"));
if (!result.ok) {
  process.stderr.write(`db:restore: ${result.error}\n`);
  process.exit(1);
}
console.log(`Restored: ${result.detail}`);
