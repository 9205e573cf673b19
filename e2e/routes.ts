/**
 * The app's routes as the file system declares them, so the authorization matrix and the fuzz
 * test fail when a route is added that they do not cover.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

export const ROOT = path.join(import.meta.dirname, "..");

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

/** Every API route and method, as "POST /api/mock/[id]/answer". */
export function apiRoutes(): string[] {
  const out: string[] = [];
  for (const file of walk(path.join(ROOT, "app", "api")).filter((f) => path.basename(f) === "route.ts")) {
    const route = "/" + path.relative(path.join(ROOT, "app"), path.dirname(file)).split(path.sep).join("/");
    const source = readFileSync(file, "utf8");
    const methods = new Set<string>();
    for (const m of source.matchAll(/export\s+(?:async\s+)?function\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g)) methods.add(m[1]!);
    for (const m of source.matchAll(/export\s+const\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g)) methods.add(m[1]!);
    for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) for (const n of m[1]!.matchAll(/\bas\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g)) methods.add(n[1]!);
    for (const method of methods) out.push(`${method} ${route}`);
  }
  return out.sort();
}

/** Every page, as "/[locale]/teach/live/[id]". */
export function pageRoutes(): string[] {
  return walk(path.join(ROOT, "app", "[locale]"))
    .filter((f) => /^page\.(tsx|ts|jsx|js)$/.test(path.basename(f)))
    .map((f) => "/" + path.relative(path.join(ROOT, "app"), path.dirname(f)).split(path.sep).join("/"))
    .sort();
}

/** Files that declare server actions ("use server"): each would need its own rows. */
export function serverActionFiles(): string[] {
  return ["app", "components", "lib"]
    .flatMap((d) => walk(path.join(ROOT, d)))
    .filter((f) => /\.(tsx?|jsx?)$/.test(f) && !f.includes(`${path.sep}generated${path.sep}`))
    .filter((f) => /^\s*["']use server["']/m.test(readFileSync(f, "utf8")))
    .map((f) => path.relative(ROOT, f));
}
