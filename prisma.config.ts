import path from "node:path";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { defineConfig } from "prisma/config";
import { databaseUrl } from "./lib/db/url";

// Prisma 6.19 with the JavaScript schema engine through the libSQL adapter: migrations run
// offline, without downloading a native engine (see shared STACK.md).
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  adapter: async () => new PrismaLibSQL({ url: databaseUrl() }),
});
