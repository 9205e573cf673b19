import path from "node:path";
import { defineConfig } from "vitest/config";

/** Browser tests: a production build on a temporary database, driven through Debian's Chromium. */
export default defineConfig({
  resolve: { tsconfigPaths: true, alias: { "server-only": path.join(import.meta.dirname, "../scripts/vitest-server-only-stub.ts") } },
  test: {
    include: ["e2e/**/*.e2e.ts"],
    globalSetup: ["e2e/server.ts"],
    testTimeout: 120_000,
    hookTimeout: 400_000,
    fileParallelism: false,
    reporters: process.env.CI ? ["default", ["json", { outputFile: "test-results/e2e.json" }]] : ["default"],
  },
});
