/**
 * `npm run db:backup`: a consistent copy of the SQLite database (DATABASE_URL, or prisma/dev.db)
 * in backups/, taken while the app may keep running. Prints where it went.
 */
import path from "node:path";
import { backupSqlite } from "../lib/db/backup";
import { databaseUrl } from "../lib/db/url";
import { ROOT } from "./prepare-runtime";

const result = await backupSqlite(databaseUrl(), path.join(ROOT, "backups"));
if (!result.ok) {
  process.stderr.write(`db:backup: ${result.error}\n`);
  process.exit(1);
}
console.log(`Backed up ${result.detail}`);
