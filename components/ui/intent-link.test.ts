/** Links fetch their page on intent, not on sight (decision 019): nothing but IntentLink uses next/link directly. */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.join(import.meta.dirname, "..", "..");

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return sources(rel);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith(".test.ts") ? [rel] : [];
  });
}

describe("links", () => {
  it("go through IntentLink everywhere, so no page fetches every link it shows while it loads", () => {
    const files = [...sources("app"), ...sources("components")];
    const direct = files.filter((f) => f !== path.join("components", "ui", "intent-link.tsx") && /from\s+["']next\/link["']/.test(readFileSync(path.join(ROOT, f), "utf8")));
    expect(direct).toEqual([]);
    // The check can fail: IntentLink itself imports next/link, and is found.
    expect(files.filter((f) => /from\s+["']next\/link["']/.test(readFileSync(path.join(ROOT, f), "utf8")))).toEqual([path.join("components", "ui", "intent-link.tsx")]);
  });
});
