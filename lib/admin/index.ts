import "server-only";
import { getAdmin } from "@/lib/auth";

export { listUsers, setRole, userListQuerySchema, USERS_PER_PAGE, type UserRow, type UserListQuery } from "./users";

/** The admin, or a 403 for anyone else (instructors, learners, guests, visitors). */
export async function adminOr403() {
  const admin = await getAdmin();
  return admin ? { ok: true as const, admin } : { ok: false as const, response: Response.json({ error: "only admins can do this" }, { status: 403 }) };
}
