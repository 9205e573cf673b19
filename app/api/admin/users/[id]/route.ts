import { adminOr403, setRole } from "@/lib/admin";
import { roleChangeSchema } from "@/lib/auth";
import { db } from "@/lib/db";
import { body } from "@/lib/live/http";
import { api } from "@/lib/log";

export const dynamic = "force-dynamic";

/** Sets an account's role to learner or instructor (admins only; not their own, not another admin's). */
export const PATCH = api(async function PATCH(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const who = await adminOr403();
  if (!who.ok) return who.response;
  const { id } = await params;
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) return Response.json({ error: "not a user id" }, { status: 400 });
  const input = await body(req, roleChangeSchema);
  if (!input.ok) return input.response;
  const r = await setRole(db, who.admin, id, input.value.role);
  return Response.json(r.body, { status: r.status });
});
