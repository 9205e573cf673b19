import path from "node:path";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { defineConfig } from "prisma/config";
import { pgAdapter } from "./lib/db/pg-adapter";
import { databaseUrl, isPostgresUrl } from "./lib/db/url";

// Prisma 6.19 with the JavaScript schema engine through a driver adapter: migrations run
// offline, without downloading a native engine (see shared STACK.md). DATABASE_URL picks the
// database: a postgresql:// URL uses prisma/pg (schema and migrations, decision 016), anything
// else the SQLite schema in prisma/.
const url = databaseUrl();
const postgres = isPostgresUrl(url);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: postgres ? path.join("prisma", "pg", "schema.prisma") : path.join("prisma", "schema.prisma"),
  migrations: { path: postgres ? path.join("prisma", "pg", "migrations") : path.join("prisma", "migrations") },
  adapter: async () => (postgres ? pgAdapter(url) : new PrismaLibSQL({ url })),
});
