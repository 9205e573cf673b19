// `npm install` runs this: generates the Prisma client into lib/generated/prisma. With the
// JavaScript engine nothing native is needed, but `prisma generate` still tries to download a
// query engine unless told not to — which fails on machines without internet access.
import { spawnSync } from "node:child_process";
import path from "node:path";

const env = {
  ...process.env,
  PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING: "1",
  PRISMA_QUERY_ENGINE_LIBRARY: process.env.PRISMA_QUERY_ENGINE_LIBRARY ?? "/bin/false",
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? "/bin/false",
};
const prisma = path.join(import.meta.dirname, "..", "node_modules", ".bin", "prisma");
const result = spawnSync(prisma, ["generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
