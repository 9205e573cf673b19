import { describe, expect, it, vi } from "vitest";
import { freshDb } from "@/lib/db/test-database";

async function healthWith(url: string) {
  vi.resetModules();
  vi.stubEnv("DATABASE_URL", url);
  const globals = globalThis as { lossless_db?: unknown };
  delete globals.lossless_db;
  try {
    const { GET } = await import("@/app/api/health/route");
    return await GET();
  } finally {
    vi.unstubAllEnvs();
    delete globals.lossless_db;
  }
}

describe("GET /api/health", () => {
  it("is 200 {ok:true, db:'ok'} when the database answers", async () => {
    const { url } = await freshDb();
    const res = await healthWith(url);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, db: "ok" });
  });

  it("is 503 when the database cannot be reached", async () => {
    const res = await healthWith("file:/nonexistent-dir/for/sure/x.db");
    expect(res.status).toBe(503);
    expect((await res.json()).ok).toBe(false);
  });
});
