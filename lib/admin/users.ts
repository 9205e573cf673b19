import "server-only";
import { z } from "zod";
import { roleChangeRefusal, type AssignableRole } from "@/lib/roles";
import type { PrismaClient } from "@/lib/db";
import type { ApiResult } from "@/lib/progress/api";

/**
 * The admin page's data: accounts (never guests) with their last activity, searchable by email
 * and paginated, and the one operation on them, setting a role (rules in lib/auth/roles.ts).
 */
export const USERS_PER_PAGE = 20;

/** The page's query string: what to search for and which page; anything odd falls back to the first page of everyone. */
export const userListQuerySchema = z.object({
  q: z.string().trim().toLowerCase().max(254).catch(""),
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1),
});
export type UserListQuery = z.infer<typeof userListQuerySchema>;

export interface UserRow {
  id: string;
  email: string;
  name: string | null;
  role: string;
  createdAt: Date;
  /** The latest answer or lesson visit, if any. */
  lastActiveAt: Date | null;
}

export async function listUsers(db: PrismaClient, query: UserListQuery): Promise<{ users: UserRow[]; total: number; page: number; pages: number }> {
  // Emails are stored lower-cased (signUpSchema), so a lower-cased "contains" finds them on SQLite and PostgreSQL alike.
  const where = { email: query.q ? { contains: query.q } : { not: null } };
  const total = await db.user.count({ where });
  const pages = Math.max(1, Math.ceil(total / USERS_PER_PAGE));
  const page = Math.min(query.page, pages);
  const rows = await db.user.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "asc" }], skip: (page - 1) * USERS_PER_PAGE, take: USERS_PER_PAGE, select: { id: true, email: true, name: true, role: true, createdAt: true } });
  const ids = rows.map((r) => r.id);
  // Two grouped reads for the whole page, by indexed userId: cheap enough to show.
  const [answered, visited] = await Promise.all([
    db.questionAttempt.groupBy({ by: ["userId"], where: { userId: { in: ids } }, _max: { createdAt: true } }),
    db.lessonProgress.groupBy({ by: ["userId"], where: { userId: { in: ids } }, _max: { updatedAt: true } }),
  ]);
  const last = new Map<string, Date>();
  const note = (id: string, d: Date | null | undefined) => {
    if (d && (!last.has(id) || last.get(id)! < d)) last.set(id, d);
  };
  for (const a of answered) note(a.userId, a._max.createdAt);
  for (const v of visited) note(v.userId, v._max.updatedAt);
  return { users: rows.map((r) => ({ ...r, email: r.email!, lastActiveAt: last.get(r.id) ?? null })), total, page, pages };
}

/**
 * Sets an account's role for an admin. The target is re-checked in the write itself, so a user
 * made admin meanwhile (with the CLI) is not demoted by a page that was open before.
 */
export async function setRole(db: PrismaClient, actor: { userId: string; role: string }, targetId: string, role: AssignableRole): Promise<ApiResult> {
  const target = await db.user.findUnique({ where: { id: targetId }, select: { id: true, role: true, email: true } });
  const refusal = roleChangeRefusal({ id: actor.userId, role: actor.role }, target);
  if (refusal) return { status: refusal.status, body: { error: refusal.error } };
  const { count } = await db.user.updateMany({ where: { id: targetId, role: { not: "admin" }, email: { not: null } }, data: { role } });
  if (count === 0) return { status: 409, body: { error: "this account changed meanwhile; reload the page" } };
  return { status: 200, body: { id: targetId, role } };
}
