// For lib/db/client.test.ts: another process that holds SQLite's write lock for a while.
// Usage: node hold-write-lock.test-helper.mjs <file: url> <milliseconds>
import { createClient } from "@libsql/client";

const [url, ms] = process.argv.slice(2);
const client = createClient({ url });
await client.execute("BEGIN IMMEDIATE");
await client.execute("INSERT INTO User (id, role, createdAt) VALUES ('holder', 'learner', 0)");
process.stdout.write("locked\n");
await new Promise((resolve) => setTimeout(resolve, Number(ms)));
await client.execute("COMMIT");
client.close();
