/** Who may change whose role, and which roles may teach: the pure rules behind /admin and /teach. */
import { describe, expect, it } from "vitest";
import { canTeach, isAdmin, roleChangeRefusal, roleChangeSchema, ROLES } from "./index";

const admin = { id: "a1", role: "admin" };
const account = (id: string, role: string) => ({ id, role, email: `${id}@x.test` });

describe("roles", () => {
  it("lets admins and instructors teach, and only admins administer", () => {
    expect(ROLES).toEqual(["learner", "instructor", "admin"]);
    expect(["learner", "instructor", "admin", "", undefined, null, "Admin"].map((r) => [canTeach(r), isAdmin(r)])).toEqual([
      [false, false],
      [true, false],
      [true, true],
      [false, false],
      [false, false],
      [false, false],
      [false, false],
    ]);
  });

  it.each([
    ["an admin promotes a learner", admin, account("u1", "learner"), null],
    ["an admin demotes an instructor", admin, account("u1", "instructor"), null],
    ["an instructor cannot change roles", { id: "i1", role: "instructor" }, account("u1", "learner"), 403],
    ["a learner cannot change roles, not even their own", { id: "u1", role: "learner" }, account("u1", "learner"), 403],
    ["an admin cannot change their own role", admin, account("a1", "admin"), 403],
    ["an admin cannot change another admin's role", admin, account("a2", "admin"), 403],
    ["a missing account", admin, null, 404],
    ["a guest has no account to promote", admin, { id: "g1", role: "learner", email: null }, 404],
  ] as const)("%s", (_what, actor, target, status) => {
    const refusal = roleChangeRefusal(actor, target);
    expect(refusal?.status ?? null).toBe(status);
    if (refusal) expect(refusal.error.length).toBeGreaterThan(10);
  });

  it("accepts only learner or instructor in a role change, and nothing else in the body", () => {
    expect(roleChangeSchema.safeParse({ role: "instructor" }).success).toBe(true);
    expect(roleChangeSchema.safeParse({ role: "learner" }).success).toBe(true);
    for (const bad of [{ role: "admin" }, { role: "" }, { role: 1 }, {}, { role: "learner", userId: "x" }, null, "learner"]) expect(roleChangeSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    const r = roleChangeSchema.safeParse({ role: "admin" });
    expect(r.success ? "" : r.error.issues[0]!.message).toBe("role must be one of learner, instructor");
  });
});
