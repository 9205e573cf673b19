/**
 * Import boundaries (shared STYLE.md): lib/sim and lib/quiz are pure and isomorphic; client
 * components never import server modules; lower layers never import upward. A cheap static check
 * over the source, standing in for a lint rule.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = process.cwd();
function files(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((d) => {
    const rel = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === "generated" ? [] : files(rel);
    return /\.(ts|tsx)$/.test(d.name) && !/\.test\.ts$/.test(d.name) ? [rel] : [];
  });
}
function imports(file: string): string[] {
  const text = readFileSync(path.join(root, file), "utf8");
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|^import\s+["']([^"']+)["']/gm)].map((m) => m[1] ?? m[2] ?? m[3]!);
}
const serverModules = /^(@\/lib\/(db|auth|content|progress)(\/|$)|server-only$|node:|next\/headers)/;

describe("import boundaries", () => {
  it("lib/sim imports only itself and zod, and touches no clock, randomness or I/O", () => {
    for (const f of files("lib/sim")) {
      for (const i of imports(f)) expect(i.startsWith("./") || i === "zod", `${f} imports ${i}`).toBe(true);
      // Code only: comments may say what the engine avoids.
      const text = readFileSync(path.join(root, f), "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
      expect(text, f).not.toMatch(/Math\.random|Date\.now|new Date\(|setTimeout|setInterval|performance\.now|process\./);
    }
  });

  it("lib/quiz and lib/i18n are pure (lib/quiz may run the pure engine, lib/sim, to grade)", () => {
    for (const f of files("lib/i18n")) for (const i of imports(f)) expect(i.startsWith("./") || i === "zod", `${f} imports ${i}`).toBe(true);
    for (const f of files("lib/quiz"))
      for (const i of imports(f)) expect(i.startsWith("./") || i === "zod" || i === "@/lib/sim" || i.startsWith("@/lib/sim/"), `${f} imports ${i}`).toBe(true);
  });

  it("client components import no server module", () => {
    for (const f of [...files("components"), ...files("app")]) {
      const text = readFileSync(path.join(root, f), "utf8");
      if (!/^["']use client["']/.test(text.trimStart())) continue;
      for (const i of imports(f)) expect(serverModules.test(i), `${f} imports ${i}`).toBe(false);
    }
  });

  it("lib never imports app/ or components/", () => {
    for (const f of files("lib")) for (const i of imports(f)) expect(/^@\/(app|components)\//.test(i), `${f} imports ${i}`).toBe(false);
  });

  it("only lib/db imports the Prisma client, and only lib/content imports mdx-bundler's compiler", () => {
    for (const f of [...files("lib"), ...files("app"), ...files("components"), ...files("scripts")]) {
      for (const i of imports(f)) {
        if (/generated\/prisma|@prisma\/client/.test(i)) expect(f.startsWith("lib/db/"), `${f} imports ${i}`).toBe(true);
        if (i === "mdx-bundler") expect(f.startsWith("lib/content/"), `${f} imports ${i}`).toBe(true);
      }
    }
  });

  it("the lesson player and the quiz UI load no engine: it runs in the Web Worker (type imports are fine)", () => {
    const engine = /^(@\/lib\/sim(\/(engine|index|scenario))?|\.\/player-core|\.\/player-protocol)$/;
    for (const f of [...files("components/sim"), ...files("components/quiz")]) {
      if (/sim\.worker\.ts$|player-(core|protocol)\.ts$/.test(f)) continue;
      const text = readFileSync(path.join(root, f), "utf8");
      const valueImports = [...text.matchAll(/^import\s+(?!type\b)[^'"]*?from\s+["']([^"']+)["']/gm)].map((m) => m[1]!);
      for (const i of valueImports) expect(engine.test(i), `${f} imports ${i}`).toBe(false);
    }
  });
});

