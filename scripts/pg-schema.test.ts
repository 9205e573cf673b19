/** The PostgreSQL schema and migrations stay in step with the SQLite ones (decision 016). */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createClient } from "@libsql/client";
import { diffScript, drift, introspect, migrationNames, pgSchema, ROOT, SQLITE_MIGRATIONS, SQLITE_SCHEMA } from "./pg-schema";

const dirs: string[] = [];
const temp = () => {
  const dir = mkdtempSync(path.join(tmpdir(), "lossless-drift-"));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A copy of the project's prisma/ folder to break. */
function copy(): string {
  const root = temp();
  cpSync(path.join(ROOT, "prisma"), path.join(root, "prisma"), { recursive: true, filter: (src) => !/\.db(-\w+)?$/.test(src) });
  return root;
}

describe("PostgreSQL schema and migrations", () => {
  it("prisma/pg is in step with prisma/: the generated schema is the committed one, and the migrations correspond one to one", () => {
    expect(drift()).toEqual([]);
    expect(migrationNames(path.join(ROOT, "prisma", "pg", "migrations"))).toEqual(migrationNames(SQLITE_MIGRATIONS));
  });

  it("changes only the provider and the client's folder", () => {
    const sqlite = readFileSync(SQLITE_SCHEMA, "utf8");
    const pg = pgSchema(sqlite);
    expect(pg).toMatch(/provider = "postgresql"/);
    expect(pg).toMatch(/output\s*=\s*"\.\.\/\.\.\/lib\/generated\/prisma-pg"/);
    const models = (text: string) => text.slice(text.indexOf("\nmodel "));
    expect(models(pg)).toBe(models(sqlite));
    expect(() => pgSchema(sqlite.replace('provider = "sqlite"', 'provider = "mysql"'))).toThrow(/provider = "sqlite"/);
  });

  it("notices a schema change without a migration, a migration without its twin, a twin without its migration, and a wrong lock file", () => {
    const root = copy();
    const at = (...p: string[]) => path.join(root, "prisma", ...p);
    writeFileSync(at("schema.prisma"), readFileSync(at("schema.prisma"), "utf8").replace("model User {", "model User {\n  driftProbe String?"));
    mkdirSync(at("migrations", "0099_drift_probe"));
    writeFileSync(at("migrations", "0099_drift_probe", "migration.sql"), 'ALTER TABLE "User" ADD COLUMN "driftProbe" TEXT;');
    const last = migrationNames(at("pg", "migrations")).at(-1)!;
    cpSync(at("pg", "migrations", last), at("pg", "migrations", "0098_stray"), { recursive: true });
    writeFileSync(at("pg", "migrations", "migration_lock.toml"), 'provider = "sqlite"\n');
    expect(drift(root)).toEqual([
      "prisma/pg/schema.prisma differs from the one generated from prisma/schema.prisma",
      "prisma/pg/migrations/0099_drift_probe is missing",
      "prisma/pg/migrations/0098_stray has no SQLite migration of that name",
      'prisma/pg/migrations/migration_lock.toml must say provider = "postgresql"',
    ]);
  });

  it("the SQLite migrations build exactly the database prisma/schema.prisma describes (so their PostgreSQL twins can be derived from them)", async () => {
    const file = path.join(temp(), "migrated.db");
    const client = createClient({ url: `file:${file}` });
    for (const name of migrationNames(SQLITE_MIGRATIONS)) await client.executeMultiple(readFileSync(path.join(SQLITE_MIGRATIONS, name, "migration.sql"), "utf8"));
    client.close();
    const schema = readFileSync(SQLITE_SCHEMA, "utf8");
    expect(diffScript(introspect(`file:${file}`), schema)).toBeNull();
    // …and the check can fail: a column the migrations never add.
    expect(diffScript(introspect(`file:${file}`), schema.replace("model User {", "model User {\n  driftProbe String?"))).toMatch(/ADD COLUMN "driftProbe"/);
  });
});
