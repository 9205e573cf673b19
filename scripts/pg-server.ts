/**
 * A throwaway PostgreSQL server for tests (`npm run test:pg`): Debian's postgresql package,
 * initdb into a temporary directory, pg_ctl on 127.0.0.1:<port>, trust authentication for the
 * local user `lossless`. Run as root, the server runs as the `postgres` user (PostgreSQL refuses
 * root) through runuser. stop() shuts it down and removes the directory.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

export interface PgServer {
  /** postgresql://lossless@127.0.0.1:<port>/postgres — a superuser, for creating databases. */
  adminUrl: string;
  stop: () => void;
}

/** The newest installed PostgreSQL's bin directory (Debian: /usr/lib/postgresql/<major>/bin). */
export function findPgBin(): string | null {
  const base = "/usr/lib/postgresql";
  if (existsSync(base)) {
    const majors = readdirSync(base).filter((d) => /^\d+$/.test(d) && existsSync(path.join(base, d, "bin", "initdb"))).sort((a, b) => Number(b) - Number(a));
    if (majors[0]) return path.join(base, majors[0], "bin");
  }
  const r = spawnSync("pg_config", ["--bindir"], { encoding: "utf8" });
  const dir = r.status === 0 ? r.stdout.trim() : "";
  return dir && existsSync(path.join(dir, "initdb")) ? dir : null;
}

export function startPostgres(port: number): PgServer {
  const bin = findPgBin();
  if (!bin) throw new Error("PostgreSQL is not installed: apt-get install -y postgresql (Debian's package; .ci/run installs it)");
  const dir = mkdtempSync(path.join(tmpdir(), "lossless-pg-"));
  const data = path.join(dir, "data");
  const log = path.join(dir, "server.log");
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const id = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
    const gid = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
    if (id.status !== 0) throw new Error("running as root needs the `postgres` user (made by Debian's postgresql package)");
    chownSync(dir, Number(id.stdout), Number(gid.stdout));
    chmodSync(dir, 0o700);
  }
  const run = (cmd: string, args: string[]) => {
    const [command, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", path.join(bin, cmd), ...args]] : [path.join(bin, cmd), args];
    const r = spawnSync(command, argv, { encoding: "utf8", cwd: dir });
    if (r.status !== 0) {
      const serverLog = existsSync(log) ? readFileSync(log, "utf8").slice(-2000) : "";
      throw new Error(`${cmd} failed (exit ${r.status ?? r.signal}):\n${r.stdout}${r.stderr}${serverLog}`);
    }
  };
  const stop = () => {
    if (existsSync(path.join(data, "postmaster.pid"))) {
      try {
        run("pg_ctl", ["stop", "-D", data, "-m", "immediate", "-w"]);
      } catch (err) {
        console.error((err as Error).message);
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    run("initdb", ["-D", data, "-U", "lossless", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
    // Durability is not under test here: fsync off makes CREATE DATABASE and migrations fast.
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
    run("pg_ctl", ["start", "-D", data, "-l", log, "-w", "-t", "60", "-o", options]);
  } catch (err) {
    stop();
    throw err;
  }
  return { adminUrl: `postgresql://lossless@127.0.0.1:${port}/postgres`, stop };
}

/** A new, empty database on the PostgreSQL server at `serverUrl` (any database on it); returns its URL. */
export async function createPgDatabase(serverUrl: string): Promise<string> {
  const name = `lossless_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
