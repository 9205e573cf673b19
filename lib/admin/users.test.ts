/** The admin page's data and its one write, against a real database. */
import { beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/db";
import { freshDb } from "@/lib/db/test-database";
import { listUsers, setRole, userListQuerySchema, USERS_PER_PAGE } from "./users";

let db: PrismaClient;
beforeAll(async () => {
  ({ db } = await freshDb());
});
const make = (email: string | null, role = "learner", createdAt = new Date()) => db.user.create({ data: { email, role, createdAt } });

describe("setRole", () => {
  it("promotes and demotes accounts for an admin; refuses everyone else, admins and guests; stores nothing when refused", async () => {
    const boss = await make("boss@x.test", "admin");
    const otherAdmin = await make("other-admin@x.test", "admin");
    const teacher = await make("teacher@x.test", "instructor");
    const learner = await make("learner@x.test");
    const guest = await make(null);
    const asAdmin = { userId: boss.id, role: "admin" };

    expect(await setRole(db, asAdmin, learner.id, "instructor")).toEqual({ status: 200, body: { id: learner.id, role: "instructor" } });
    expect((await db.user.findUnique({ where: { id: learner.id } }))!.role).toBe("instructor");
    expect((await setRole(db, asAdmin, learner.id, "learner")).status).toBe(200);
    expect((await db.user.findUnique({ where: { id: learner.id } }))!.role).toBe("learner");

    expect((await setRole(db, { userId: teacher.id, role: "instructor" }, learner.id, "instructor")).status).toBe(403);
    expect((await setRole(db, { userId: learner.id, role: "learner" }, learner.id, "instructor")).status).toBe(403);
    expect(await setRole(db, asAdmin, boss.id, "learner")).toEqual({ status: 403, body: { error: "you cannot change your own role" } });
    expect((await setRole(db, asAdmin, otherAdmin.id, "learner")).status).toBe(403);
    expect((await setRole(db, asAdmin, guest.id, "instructor")).status).toBe(404);
    expect((await setRole(db, asAdmin, "no-such-id", "instructor")).status).toBe(404);
    const roles = await db.user.findMany({ where: { id: { in: [boss.id, otherAdmin.id, learner.id, guest.id] } }, orderBy: { id: "asc" } });
    expect(Object.fromEntries(roles.map((u) => [u.id, u.role]))).toEqual({ [boss.id]: "admin", [otherAdmin.id]: "admin", [learner.id]: "learner", [guest.id]: "learner" });
  });
});

describe("listUsers", () => {
  it("lists accounts only, newest first, searchable by email, paginated, with their last activity", async () => {
    const { db: fresh } = await freshDb();
    const base = Date.parse("2026-01-01T00:00:00Z");
    const users = [];
    for (let i = 0; i < USERS_PER_PAGE + 5; i++) users.push(await fresh.user.create({ data: { email: `user${String(i).padStart(2, "0")}@${i % 2 ? "odd" : "even"}.test`, createdAt: new Date(base + i * 60_000) } }));
    await fresh.user.create({ data: { guestTokenHash: "guest" } });
    await fresh.questionAttempt.create({ data: { userId: users[24]!.id, lessonSlug: "acks", questionId: "q", response: "{}", correct: true, score: 1, createdAt: new Date("2026-02-01T00:00:00Z") } });
    await fresh.lessonProgress.create({ data: { userId: users[24]!.id, lessonSlug: "acks" } });

    const first = await listUsers(fresh, userListQuerySchema.parse({}));
    expect(first).toMatchObject({ total: USERS_PER_PAGE + 5, page: 1, pages: 2 });
    expect(first.users).toHaveLength(USERS_PER_PAGE);
    expect(first.users[0]!.email).toBe("user24@even.test");
    // The later of the answer and the lesson visit (the visit was just now).
    expect(first.users[0]!.lastActiveAt!.getTime()).toBeGreaterThan(Date.parse("2026-02-01T00:00:00Z"));
    expect(first.users[1]!.lastActiveAt).toBeNull();
    const second = await listUsers(fresh, userListQuerySchema.parse({ page: "2" }));
    expect(second.users.map((u) => u.email)).toEqual(["user04@even.test", "user03@odd.test", "user02@even.test", "user01@odd.test", "user00@even.test"]);
    // A page past the end shows the last page; junk in the query shows the first.
    expect((await listUsers(fresh, userListQuerySchema.parse({ page: "99" }))).page).toBe(2);
    expect(userListQuerySchema.parse({ page: "-3", q: ["x"] })).toEqual({ page: 1, q: "" });

    const odd = await listUsers(fresh, userListQuerySchema.parse({ q: " ODD.test " }));
    expect(odd.total).toBe(12);
    expect(odd.users.every((u) => u.email.endsWith("@odd.test"))).toBe(true);
    expect((await listUsers(fresh, userListQuerySchema.parse({ q: "user07@" }))).users.map((u) => u.email)).toEqual(["user07@odd.test"]);
    expect(await listUsers(fresh, userListQuerySchema.parse({ q: "nobody" }))).toMatchObject({ users: [], total: 0, page: 1, pages: 1 });
  });
});
