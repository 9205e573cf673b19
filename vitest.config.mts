import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    tsconfigPaths: true,
    // Server-only modules are imported by tests directly; the marker package would throw here.
    alias: { "server-only": path.join(import.meta.dirname, "scripts/vitest-server-only-stub.ts") },
  },
  test: {
    include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "components/**/*.test.ts", "app/**/*.test.ts"],
    testTimeout: 60_000,
    // Under CI a JSON report feeds the closing summary line; npm run test:pg names its own file.
    reporters: process.env.CI ? ["default", ["json", { outputFile: process.env.LOSSLESS_JSON_REPORT ?? "test-results/unit.json" }]] : ["default"],
  },
});
