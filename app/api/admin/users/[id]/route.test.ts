/** PATCH /api/admin/users/:id over HTTP semantics: who may call it, and a clear 4xx for every bad input. */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth";
import type { PrismaClient } from "@/lib/db";
import { freshDb } from "@/lib/db/test-database";

// The signed-in admin (or nobody) is decided by the test; everything else is the real code.
const who = vi.hoisted(() => ({ admin: null as Actor | null }));
vi.mock("@/lib/auth", async (original) => ({ ...(await original<typeof import("@/lib/auth")>()), getAdmin: async () => who.admin }));

let db: PrismaClient;
let PATCH: typeof import("./route").PATCH;
beforeAll(async () => {
  const fresh = await freshDb();
  db = fresh.db;
  vi.stubEnv("DATABASE_URL", fresh.url);
  // The route's own client must open this database, not the one loaded with the test's imports.
  vi.resetModules();
  delete (globalThis as { lossless_db?: unknown }).lossless_db;
  ({ PATCH } = await import("./route"));
});
afterAll(() => vi.unstubAllEnvs());

const call = (id: string, body: string) => PATCH(new Request(`http://x/api/admin/users/${id}`, { method: "PATCH", body, headers: { "content-type": "application/json" } }), { params: Promise.resolve({ id }) });

describe("PATCH /api/admin/users/:id", () => {
  it("is 403 for anyone but an admin, and changes nothing", async () => {
    const learner = await db.user.create({ data: { email: "l1@x.test" } });
    who.admin = null;
    const res = await call(learner.id, JSON.stringify({ role: "instructor" }));
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: "only admins can do this" });
    expect((await db.user.findUnique({ where: { id: learner.id } }))!.role).toBe("learner");
  });

  it("lets an admin promote a learner, and answers bad input with a 4xx and a message", async () => {
    const boss = await db.user.create({ data: { email: "boss@x.test", role: "admin" } });
    const learner = await db.user.create({ data: { email: "l2@x.test" } });
    who.admin = { userId: boss.id, kind: "user", name: null, email: boss.email, role: "admin" };
    const ok = await call(learner.id, JSON.stringify({ role: "instructor" }));
    expect([ok.status, await ok.json()]).toEqual([200, { id: learner.id, role: "instructor" }]);
    expect((await db.user.findUnique({ where: { id: learner.id } }))!.role).toBe("instructor");
    for (const [id, body, status, error] of [
      [learner.id, "{", 400, "body: not valid JSON"],
      [learner.id, JSON.stringify({ role: "admin" }), 400, "role: role must be one of learner, instructor"],
      [learner.id, JSON.stringify({ role: "learner", extra: 1 }), 400, undefined],
      [learner.id, JSON.stringify({}), 400, undefined],
      ["../etc", JSON.stringify({ role: "learner" }), 400, "not a user id"],
      ["nobody", JSON.stringify({ role: "learner" }), 404, "no account with this id"],
      [boss.id, JSON.stringify({ role: "learner" }), 403, "you cannot change your own role"],
      [learner.id, "x".repeat(20_000), 413, "body is too large (at most 16384 bytes)"],
    ] as const) {
      const res = await call(id, body);
      const json = (await res.json()) as { error?: string };
      expect(res.status, body.slice(0, 40)).toBe(status);
      expect(typeof json.error).toBe("string");
      if (error) expect(json.error).toBe(error);
    }
    expect((await db.user.findUnique({ where: { id: learner.id } }))!.role).toBe("instructor");
  });
});
