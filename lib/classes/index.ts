import "server-only";
import { randomInt } from "node:crypto";
import { z } from "zod";
import { lessonExists, loadMisconceptions, loadQuestionFiles, questionsForLesson } from "@/lib/content";
import type { PrismaClient } from "@/lib/db";
import { CODE_PATTERN, HIDDEN_CHARACTERS, newCode, normaliseCode } from "@/lib/live/state";
import { FOCUSES, LENGTHS, LEVELS } from "@/lib/mock/schema";
import type { ApiResult } from "@/lib/progress/api";
import { itemStatistics, type ItemStatistics } from "@/lib/progress/items";
import { computeMastery, OPEN_BELOW } from "@/lib/progress/mastery";

/**
 * Classes: an instructor creates one, learners join with its code (signed in, so the class sees
 * their progress), and the instructor sets assignments with due dates and reads the class's
 * mastery, misconceptions and item statistics. Every function checks ownership itself.
 */
export const createClassSchema = z.strictObject({ name: z.string().trim().min(1, "give the class a name").max(80).refine((s) => !HIDDEN_CHARACTERS.test(s), "no control or text-direction characters") });
export const joinClassSchema = z.strictObject({ code: z.string().max(20).transform(normaliseCode).pipe(z.string().regex(CODE_PATTERN, "a code is 6 letters and digits")) });
export const assignmentSchema = z
  .strictObject({
    kind: z.enum(["lesson", "practice", "mock"]),
    target: z.string().min(1).max(60),
    dueAt: z.iso.datetime({ offset: true, message: "a due date and time" }).or(z.iso.date()),
  })
  .superRefine((a, ctx) => {
    if (a.kind === "mock") {
      const [minutes, focus, level] = a.target.split(":");
      if (!LENGTHS.map(String).includes(minutes ?? "") || !FOCUSES.includes(focus as never) || !LEVELS.includes(level as never))
        ctx.addIssue({ code: "custom", path: ["target"], message: "a mock interview is minutes:focus:level, e.g. 20:mixed:junior" });
    } else if (!lessonExists(a.target)) ctx.addIssue({ code: "custom", path: ["target"], message: `no lesson "${a.target}"` });
  });

/** Practice counts as done after this many distinct questions of the lesson (or all, if fewer). */
export const PRACTICE_QUESTIONS = 10;

export async function createClass(db: PrismaClient, ownerId: string, input: z.infer<typeof createClassSchema>): Promise<ApiResult> {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const c = await db.class.create({ data: { ownerId, name: input.name, joinCode: newCode(randomInt) } });
      return { status: 201, body: { id: c.id, code: c.joinCode } };
    } catch (err) {
      if ((err as { code?: string }).code !== "P2002") throw err;
    }
  }
  return { status: 503, body: { error: "could not find a free code; try again" } };
}

async function owned(db: PrismaClient, ownerId: string, id: string) {
  const c = await db.class.findUnique({ where: { id } });
  return c && c.ownerId === ownerId ? c : null;
}

export async function joinClass(db: PrismaClient, userId: string, code: string): Promise<ApiResult> {
  const c = await db.class.findUnique({ where: { joinCode: code } });
  if (!c) return { status: 404, body: { error: `no class has the code ${code}` } };
  await db.classMember.upsert({ where: { classId_userId: { classId: c.id, userId } }, create: { classId: c.id, userId }, update: {} });
  return { status: 200, body: { id: c.id, name: c.name } };
}

export async function addAssignment(db: PrismaClient, ownerId: string, classId: string, input: z.infer<typeof assignmentSchema>): Promise<ApiResult> {
  if (!(await owned(db, ownerId, classId))) return { status: 404, body: { error: "no such class" } };
  const a = await db.assignment.create({ data: { classId, kind: input.kind, target: input.target, dueAt: new Date(input.dueAt.length === 10 ? `${input.dueAt}T23:59:59Z` : input.dueAt) } });
  return { status: 201, body: { id: a.id } };
}

export async function removeAssignment(db: PrismaClient, ownerId: string, classId: string, assignmentId: string): Promise<ApiResult> {
  if (!(await owned(db, ownerId, classId))) return { status: 404, body: { error: "no such class" } };
  const { count } = await db.assignment.deleteMany({ where: { id: assignmentId, classId } });
  return count ? { status: 200, body: { ok: true } } : { status: 404, body: { error: "no such assignment" } };
}

type AssignmentRow = { id: string; kind: string; target: string; dueAt: Date; createdAt: Date };

/** Which of these assignments each learner has done. */
async function completion(db: PrismaClient, userIds: string[], assignments: AssignmentRow[]): Promise<Map<string, Set<string>>> {
  const done = new Map<string, Set<string>>(userIds.map((u) => [u, new Set<string>()]));
  if (userIds.length === 0 || assignments.length === 0) return done;
  const [progress, attempts, mocks] = await Promise.all([
    db.lessonProgress.findMany({ where: { userId: { in: userIds }, completedAt: { not: null } }, select: { userId: true, lessonSlug: true } }),
    db.questionAttempt.findMany({ where: { userId: { in: userIds } }, select: { userId: true, lessonSlug: true, questionId: true, createdAt: true } }),
    db.mockSession.findMany({ where: { userId: { in: userIds }, finishedAt: { not: null } }, select: { userId: true, minutes: true, focus: true, level: true, startedAt: true } }),
  ]);
  for (const a of assignments)
    for (const u of userIds) {
      let ok = false;
      if (a.kind === "lesson") ok = progress.some((p) => p.userId === u && p.lessonSlug === a.target);
      else if (a.kind === "practice") {
        const need = Math.min(PRACTICE_QUESTIONS, questionsForLesson(a.target).length);
        ok = new Set(attempts.filter((x) => x.userId === u && x.lessonSlug === a.target && x.createdAt >= a.createdAt).map((x) => x.questionId)).size >= need;
      } else {
        const [minutes, focus, level] = a.target.split(":");
        ok = mocks.some((m) => m.userId === u && m.startedAt >= a.createdAt && m.minutes >= Number(minutes) && m.focus === focus && m.level === level);
      }
      if (ok) done.get(u)!.add(a.id);
    }
  return done;
}

/** The learner's assignments from every class they are in, soonest due first, with whether each is done. */
export async function learnerAssignments(db: PrismaClient, userId: string) {
  const memberships = await db.classMember.findMany({ where: { userId }, include: { class: { include: { assignments: { orderBy: { dueAt: "asc" } } } } } });
  const all = memberships.flatMap((m) => m.class.assignments.map((a) => ({ ...a, className: m.class.name })));
  const done = (await completion(db, [userId], all)).get(userId)!;
  return all.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime()).map((a) => ({ id: a.id, className: a.className, kind: a.kind, target: a.target, dueAt: a.dueAt, done: done.has(a.id) }));
}

export interface ItemRow extends ItemStatistics {
  lesson: string;
  /** Why the question looks broken, if it does. */
  flag: "negative-discrimination" | "too-hard" | null;
}

/** A question is flagged once at least this many learners attempted it. */
export const FLAG_MIN_ATTEMPTS = 5;

export function flagOf(s: ItemStatistics): ItemRow["flag"] {
  if (s.attempts < FLAG_MIN_ATTEMPTS) return null;
  if (s.discrimination !== null && s.discrimination < 0) return "negative-discrimination";
  if (s.facility !== null && s.facility < 0.2) return "too-hard";
  return null;
}

/** The instructor's view of a class: members and their assignments, mastery per lesson, misconceptions most held, item analysis. */
export async function classReport(db: PrismaClient, ownerId: string, id: string, now: Date) {
  const c = await owned(db, ownerId, id);
  if (!c) return null;
  const [members, assignments] = await Promise.all([
    db.classMember.findMany({ where: { classId: id }, orderBy: { joinedAt: "asc" }, include: { user: { select: { id: true, name: true, email: true } } } }),
    db.assignment.findMany({ where: { classId: id }, orderBy: { dueAt: "asc" } }),
  ]);
  const userIds = members.map((m) => m.userId);
  const files = loadQuestionFiles();
  const questions = [...files].flatMap(([lesson, f]) => f.questions.map((q) => ({ id: q.id, lesson, tags: q.tags })));
  const attempts = userIds.length ? await db.questionAttempt.findMany({ where: { userId: { in: userIds } }, select: { userId: true, questionId: true, score: true, certainty: true, createdAt: true } }) : [];
  const perUser = userIds.map((u) => computeMastery(attempts.filter((a) => a.userId === u), questions, now));
  const lessons = [...files.keys()].map((lesson) => ({ lesson, mastery: perUser.length ? perUser.reduce((s, m) => s + (m.lessons.get(lesson) ?? 0), 0) / perUser.length : 0 }));
  const beliefs = loadMisconceptions();
  const held = new Map<string, number>();
  for (const m of perUser) for (const [tag, v] of m.misconceptions) if (v.mastery < OPEN_BELOW) held.set(tag, (held.get(tag) ?? 0) + 1);
  const misconceptions = [...held].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 10).map(([tag, learners]) => ({ tag, learners, lesson: beliefs.get(tag)?.lesson ?? "", belief: beliefs.get(tag)?.belief ?? { en: tag, zh: tag } }));
  const attempted = [...new Set(attempts.map((a) => a.questionId))];
  const lessonOf = new Map(questions.map((q) => [q.id, q.lesson]));
  const items: ItemRow[] = (userIds.length ? await itemStatistics(db, attempted, userIds) : []).map((s) => ({ ...s, lesson: lessonOf.get(s.questionId) ?? "", flag: flagOf(s) })).sort((a, b) => Number(b.flag !== null) - Number(a.flag !== null) || (a.facility ?? 1) - (b.facility ?? 1));
  const done = await completion(db, userIds, assignments);
  return {
    id: c.id,
    name: c.name,
    code: c.joinCode,
    members: members.map((m) => ({ id: m.userId, name: m.user.name ?? m.user.email ?? "?", joinedAt: m.joinedAt, done: done.get(m.userId)!.size })),
    assignments: assignments.map((a) => ({ id: a.id, kind: a.kind, target: a.target, dueAt: a.dueAt, done: userIds.filter((u) => done.get(u)!.has(a.id)).length })),
    lessons,
    misconceptions,
    items,
  };
}

export async function listClasses(db: PrismaClient, ownerId: string) {
  const rows = await db.class.findMany({ where: { ownerId }, orderBy: { createdAt: "desc" }, include: { _count: { select: { members: true, assignments: true } } } });
  return rows.map((c) => ({ id: c.id, name: c.name, code: c.joinCode, members: c._count.members, assignments: c._count.assignments }));
}

export async function classByCode(db: PrismaClient, code: string) {
  return db.class.findUnique({ where: { joinCode: normaliseCode(code) }, select: { id: true, name: true, joinCode: true } });
}
