/** Classes against a real database: joining, assignments and their completion, the class report and its item flags. */
import { beforeAll, describe, expect, it } from "vitest";
import { questionsForLesson } from "@/lib/content";
import type { PrismaClient } from "@/lib/db";
import { freshDb } from "@/lib/db/test-database";
import { addAssignment, assignmentSchema, classReport, createClass, flagOf, joinClass, joinClassSchema, learnerAssignments, PRACTICE_QUESTIONS, removeAssignment } from "./index";

let db: PrismaClient;
beforeAll(async () => {
  db = (await freshDb()).db;
});
const user = (role = "learner", name = "x") => db.user.create({ data: { email: `${Math.random()}@x.test`, role, name } });
const assignment = (kind: string, target: string, dueAt = "2026-12-05") => assignmentSchema.parse({ kind, target, dueAt });

describe("classes", () => {
  it("validates assignments: an existing lesson, or a mock as minutes:focus:level", () => {
    expect(assignmentSchema.safeParse({ kind: "lesson", target: "acks", dueAt: "2026-12-01" }).success).toBe(true);
    expect(assignmentSchema.safeParse({ kind: "lesson", target: "nope", dueAt: "2026-12-01" }).success).toBe(false);
    expect(assignmentSchema.safeParse({ kind: "mock", target: "20:mixed:junior", dueAt: "2026-12-01T18:00:00Z" }).success).toBe(true);
    expect(assignmentSchema.safeParse({ kind: "mock", target: "15:mixed:junior", dueAt: "2026-12-01" }).success).toBe(false);
    expect(assignmentSchema.safeParse({ kind: "practice", target: "isr", dueAt: "tomorrow" }).success).toBe(false);
    expect(joinClassSchema.safeParse({ code: "ab-c 23k" }).success).toBe(true);
  });

  it("lets learners join by code, tracks each assignment's completion, and only the owner manages it", async () => {
    const teacher = await user("instructor");
    const other = await user("instructor");
    const { id, code } = (await createClass(db, teacher.id, { name: "Cohort 7" })).body as { id: string; code: string };
    const [ann, bo] = [await user("learner", "Ann"), await user("learner", "Bo")];
    expect((await joinClass(db, ann.id, code)).status).toBe(200);
    expect((await joinClass(db, ann.id, code)).status).toBe(200); // twice is still one membership
    await joinClass(db, bo.id, code);
    expect((await joinClass(db, bo.id, "ZZZZZZ")).status).toBe(404);
    expect((await addAssignment(db, other.id, id, assignment("lesson", "acks"))).status).toBe(404);
    const lesson = (await addAssignment(db, teacher.id, id, assignment("lesson", "acks"))).body.id as string;
    const practice = (await addAssignment(db, teacher.id, id, assignment("practice", "isr", "2026-12-01"))).body.id as string;
    const mock = (await addAssignment(db, teacher.id, id, assignment("mock", "10:consumer:junior"))).body.id as string;

    // Ann completes the lesson, practises enough ISR questions, and finishes a matching mock.
    await db.lessonProgress.create({ data: { userId: ann.id, lessonSlug: "acks", readAt: new Date(), completedAt: new Date() } });
    for (const q of questionsForLesson("isr").slice(0, PRACTICE_QUESTIONS))
      await db.questionAttempt.create({ data: { userId: ann.id, lessonSlug: "isr", questionId: q.id, response: "{}", correct: true, score: 1 } });
    await db.mockSession.create({ data: { userId: ann.id, minutes: 20, focus: "consumer", level: "junior", plan: "[]", startedAt: new Date(), deadline: new Date(), finishedAt: new Date(), endReason: "completed" } });
    // Bo practised too little, and his mock was of another focus.
    await db.questionAttempt.create({ data: { userId: bo.id, lessonSlug: "isr", questionId: questionsForLesson("isr")[0]!.id, response: "{}", correct: false, score: 0 } });
    await db.mockSession.create({ data: { userId: bo.id, minutes: 30, focus: "broker", level: "junior", plan: "[]", startedAt: new Date(), deadline: new Date(), finishedAt: new Date(), endReason: "completed" } });

    const mine = await learnerAssignments(db, ann.id);
    expect(mine.map((a) => [a.kind, a.done])).toEqual([["practice", true], ["lesson", true], ["mock", true]]);
    expect((await learnerAssignments(db, bo.id)).every((a) => !a.done)).toBe(true);

    const report = (await classReport(db, teacher.id, id, new Date()))!;
    expect(await classReport(db, other.id, id, new Date())).toBeNull();
    expect(report.members.map((m) => [m.name, m.done])).toEqual([["Ann", 3], ["Bo", 0]]);
    expect(report.assignments.map((a) => a.done)).toEqual([1, 1, 1]);
    const isr = report.lessons.find((l) => l.lesson === "isr")!;
    expect(isr.mastery).toBeGreaterThan(0);
    expect(report.items.find((i) => i.questionId === questionsForLesson("isr")[0]!.id)).toMatchObject({ attempts: 2, facility: 0.5 });
    expect(report.misconceptions.length).toBeGreaterThan(0);
    expect((await removeAssignment(db, other.id, id, lesson)).status).toBe(404);
    expect((await removeAssignment(db, teacher.id, id, lesson)).status).toBe(200);
    expect(practice && mock).toBeTruthy();
  });

  it("flags a question the stronger learners miss (negative discrimination) or almost nobody gets right", () => {
    expect(flagOf({ questionId: "q", attempts: 8, facility: 0.5, discrimination: -0.5 })).toBe("negative-discrimination");
    expect(flagOf({ questionId: "q", attempts: 8, facility: 0.1, discrimination: 0 })).toBe("too-hard");
    expect(flagOf({ questionId: "q", attempts: 8, facility: 0.7, discrimination: 0.4 })).toBeNull();
    expect(flagOf({ questionId: "q", attempts: 3, facility: 0, discrimination: -1 })).toBeNull();
  });
});
