/**
 * `npm start`: prepares the runtime (secret, database), builds the app when its sources changed
 * since the last build, then serves it in production mode on $PORT (default 3000).
 * `npm run dev` does the same preparation and runs the development server instead.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { migrate, prepareEnv, ROOT, run } from "./prepare-runtime";

const dev = process.argv.includes("--dev");
const env = prepareEnv({ ...process.env });
const next = path.join(ROOT, "node_modules", ".bin", "next");

/** A fingerprint of everything the build reads: when it changes, the build is redone. */
function sourceFingerprint(): string {
  const hash = createHash("sha256");
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "generated" && entry.name !== "node_modules") walk(full);
      } else {
        const st = statSync(full);
        hash.update(`${path.relative(ROOT, full)}:${st.size}:${st.mtimeMs}\n`);
      }
    }
  };
  for (const dir of ["app", "components", "lib", "content"]) walk(path.join(ROOT, dir));
  for (const file of ["next.config.ts", "proxy.ts", "instrumentation.ts", "package-lock.json", "tsconfig.json"]) if (existsSync(path.join(ROOT, file))) hash.update(readFileSync(path.join(ROOT, file)));
  // The security headers are fixed at build time and depend on whether the app is served over HTTPS.
  hash.update(`https:${env.NEXTAUTH_URL?.startsWith("https:") ?? false}\n`);
  return hash.digest("hex");
}

migrate(env);

if (dev) {
  Object.assign(env, { NODE_ENV: "development" });
} else {
  Object.assign(env, { NODE_ENV: "production" });
  const stampFile = path.join(ROOT, ".next", "lossless-build-stamp");
  const hasBuild = existsSync(path.join(ROOT, ".next", "BUILD_ID"));
  // A second server beside a running one (the restart browser test) must not rebuild under it.
  const reuse = env.LOSSLESS_REUSE_BUILD === "1";
  if (reuse && !hasBuild) {
    console.error("LOSSLESS_REUSE_BUILD=1 but there is no build in .next; run `npm run build` first.");
    process.exit(1);
  }
  const fingerprint = reuse ? "" : sourceFingerprint();
  const built = reuse || (hasBuild && existsSync(stampFile) && readFileSync(stampFile, "utf8") === fingerprint);
  if (!built) {
    console.log("Building the app (the first start takes about a minute)…");
    const started = Date.now();
    run(next, ["build"], env);
    writeFileSync(stampFile, fingerprint);
    console.log(`Built in ${Math.round((Date.now() - started) / 1000)} s.`);
  }
}

const server = spawn(next, [dev ? "dev" : "start", "-p", env.PORT!], { cwd: ROOT, env, stdio: "inherit" });
// The server's own pid, for a supervisor or the crash test (scripts/crash-test.ts) that must
// signal the process that serves, not this wrapper.
console.log(`Lossless on ${env.NEXTAUTH_URL} (server pid ${server.pid})`);
// On SIGTERM the server finishes what is in flight and exits 0 (lib/shutdown.ts); so does this.
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
