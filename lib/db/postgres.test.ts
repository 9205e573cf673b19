/** PostgreSQL mode (decision 016), run by `npm run test:pg`: migrations as `npm start` applies them, and the client. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { diffScript, introspect, prismaCli } from "@/scripts/pg-schema";
import { createPgDatabase, freshDb, testPostgresUrl } from "./test-database";

const server = testPostgresUrl();

describe.skipIf(!server)("PostgreSQL mode", () => {
  it("prisma migrate deploy (as npm start runs it) builds exactly prisma/pg/schema.prisma", async () => {
    const url = await createPgDatabase(server!);
    expect(prismaCli(["migrate", "deploy"], { DATABASE_URL: url }).stdout).toMatch(/All migrations have been successfully applied/);
    const schema = readFileSync(path.join(process.cwd(), "prisma", "pg", "schema.prisma"), "utf8");
    expect(diffScript(introspect(url), schema)).toBeNull();
  });

  it("createDb reads and writes PostgreSQL for a postgresql:// URL, catalog queries included", async () => {
    const { db, url } = await freshDb();
    try {
      const user = await db.user.create({ data: { email: "Ann@Example.test" } });
      expect(await db.user.findUnique({ where: { email: "Ann@Example.test" } })).toMatchObject({ id: user.id, role: "learner" });
      // Unique values compare case-sensitively on both databases.
      expect(await db.user.findUnique({ where: { email: "ann@example.test" } })).toBeNull();
      const [row] = await db.$queryRawUnsafe<{ db: string; version: string }[]>("SELECT current_database() AS db, current_setting('server_version') AS version");
      expect(row!.db).toBe(new URL(url).pathname.slice(1));
      const tables = await db.$queryRawUnsafe<{ tablename: string }[]>("SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = 'public' ORDER BY tablename");
      expect(tables.map((t) => t.tablename)).toContain("QuestionAttempt");
    } finally {
      await db.$disconnect();
    }
  });

  it("takes text with a NUL character, which PostgreSQL cannot store, without failing: lookups find nothing, writes keep U+FFFD in its place", async () => {
    const { db } = await freshDb();
    try {
      expect(await db.user.findUnique({ where: { email: "a\u0000b@example.test" } })).toBeNull();
      const user = await db.user.create({ data: { email: "nul\u0000@example.test", name: "x\u0000y" } });
      expect(user).toMatchObject({ email: "nul\uFFFD@example.test", name: "x\uFFFDy" });
      expect(await db.liveSession.findUnique({ where: { id: "\u0000" } })).toBeNull();
    } finally {
      await db.$disconnect();
    }
  });
});
