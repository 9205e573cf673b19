/**
 * `npm run test:pg`: the integration tests against PostgreSQL. Starts a PostgreSQL server of its
 * own (scripts/pg-server.ts: Debian's postgresql package, a temporary directory, port
 * TEST_PG_PORT or 5441), runs every test file that uses a test database (freshDb, or
 * testPostgresUrl for PostgreSQL-only checks) with TEST_DATABASE_URL pointing at it — each test
 * file gets a database of its own — then runs two app processes on one database
 * (scripts/pg-processes.ts, ports TEST_PG_APP_PORTS or 3343,3344; the app is built first if its
 * sources changed), and stops the server afterwards, whatever happened.
 */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { checkTwoProcesses } from "./pg-processes";
import { createPgDatabase, startPostgres, type PgServer } from "./pg-server";

const ROOT = path.join(import.meta.dirname, "..");

/** Test files (under app, components, lib, scripts) that use a test database. */
export function databaseTestFiles(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "generated" && entry.name !== "node_modules") walk(full);
      } else if (entry.name.endsWith(".test.ts") && /\b(freshDb|testPostgresUrl)\(/.test(readFileSync(full, "utf8"))) {
        found.push(path.relative(ROOT, full));
      }
    }
  };
  for (const dir of ["app", "components", "lib", "scripts"]) walk(path.join(ROOT, dir));
  return found.sort();
}

async function main(): Promise<number> {
  const started = Date.now();
  const port = Number(process.env.TEST_PG_PORT ?? 5441);
  const files = databaseTestFiles();
  let server: PgServer | null = null;
  const stop = () => {
    server?.stop();
    server = null;
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.on(signal, () => {
      stop();
      process.exit(130);
    });
  try {
    server = startPostgres(port);
    console.log(`PostgreSQL on 127.0.0.1:${port} (${((Date.now() - started) / 1000).toFixed(1)} s); ${files.length} test files`);
    const vitest = spawn(path.join(ROOT, "node_modules", ".bin", "vitest"), ["run", ...files], {
      cwd: ROOT,
      // Under CI its JSON report (vitest.config.mts) goes to its own file, read by the closing summary.
      env: { ...process.env, TEST_DATABASE_URL: server.adminUrl, LOSSLESS_JSON_REPORT: "test-results/pg.json" },
      stdio: "inherit",
    });
    const code: number = await new Promise((resolve) => vitest.on("exit", (c, signal) => resolve(c ?? (signal ? 1 : 0))));
    if (code !== 0) return code;
    const ports = (process.env.TEST_PG_APP_PORTS ?? "3343,3344").split(",") as [string, string];
    console.log(`\nTwo app processes on one PostgreSQL database (ports ${ports.join(", ")})…`);
    for (const line of await checkTwoProcesses(await createPgDatabase(server.adminUrl), ports)) console.log(line);
    return 0;
  } catch (err) {
    console.error((err as Error).message);
    return 1;
  } finally {
    stop();
    console.log(`test:pg took ${((Date.now() - started) / 1000).toFixed(1)} s (PostgreSQL stopped)`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) main().then((code) => process.exit(code));
