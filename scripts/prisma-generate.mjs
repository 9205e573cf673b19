// `npm install` runs this: generates the Prisma clients — lib/generated/prisma (SQLite, from
// prisma/schema.prisma) and lib/generated/prisma-pg (PostgreSQL, from prisma/pg/schema.prisma).
// With the JavaScript engine nothing native is needed, but `prisma generate` still tries to
// download a query engine unless told not to — which fails on machines without internet access.
import { spawnSync } from "node:child_process";
import path from "node:path";

const env = {
  ...process.env,
  PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING: "1",
  PRISMA_QUERY_ENGINE_LIBRARY: process.env.PRISMA_QUERY_ENGINE_LIBRARY ?? "/bin/false",
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? "/bin/false",
};
const root = path.join(import.meta.dirname, "..");
const prisma = path.join(root, "node_modules", ".bin", "prisma");
for (const schema of ["prisma/schema.prisma", "prisma/pg/schema.prisma"]) {
  const result = spawnSync(prisma, ["generate", "--schema", schema], { cwd: root, stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
