import { writeFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { freshDb, freshSqliteDb } from "@/lib/db/test-database";

async function healthWith(url: string) {
  vi.resetModules();
  vi.stubEnv("DATABASE_URL", url);
  const globals = globalThis as { lossless_db?: unknown };
  delete globals.lossless_db;
  try {
    const { GET } = await import("@/app/api/health/route");
    return await GET(new Request("http://localhost/api/health", { headers: { "x-request-id": "health-check-1" } }));
  } finally {
    vi.unstubAllEnvs();
    delete globals.lossless_db;
  }
}

describe("GET /api/health", () => {
  it("is 200 {ok:true, db:'ok'} when the database answers, with the request id on the response", async () => {
    const { url } = await freshDb();
    const res = await healthWith(url);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, db: "ok" });
    expect(res.headers.get("x-request-id")).toBe("health-check-1");
  });

  it("is 503 with a reason when the database cannot be opened", async () => {
    const res = await healthWith("file:/nonexistent-dir/for/sure/x.db");
    expect(res.status).toBe(503);
    const body = (await res.json()) as { ok: boolean; db: string; reason: string };
    expect(body).toMatchObject({ ok: false, db: "unreachable" });
    expect(body.reason.length).toBeGreaterThan(5);
  });

  it("is 503 when the file is there but is not a database, or has no tables", async () => {
    const { url } = await freshSqliteDb();
    const file = url.slice("file:".length);
    writeFileSync(`${file}.junk`, "this is not a database file, only text that is long enough to be read as one".repeat(20));
    const junk = await healthWith(`file:${file}.junk`);
    expect(junk.status).toBe(503);
    expect(((await junk.json()) as { reason: string }).reason).toMatch(/database|file/i);
    writeFileSync(`${file}.empty`, "");
    const empty = await healthWith(`file:${file}.empty`);
    expect(empty.status).toBe(503);
    expect(((await empty.json()) as { reason: string }).reason).toMatch(/User|table/i);
  });
});
