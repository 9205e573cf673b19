import { cookies } from "next/headers";
import { z } from "zod";
import { getActor } from "@/lib/auth";
import { GUEST_COOKIE } from "@/lib/auth/options";
import { db } from "@/lib/db";
import { deleteAccount, readJson } from "@/lib/progress";
import { api } from "@/lib/log";

export const dynamic = "force-dynamic";

const schema = z.strictObject({ confirm: z.literal("delete") });

/**
 * Deletes the current learner's account (or guest identity) with all its data. The body must be
 * {"confirm": "delete"}; the browser then signs out.
 */
export const POST = api(async function POST(req: Request) {
  const json = await readJson(req);
  if (!json.ok) return Response.json(json.result.body, { status: json.result.status });
  if (!schema.safeParse(json.body).success) return Response.json({ error: 'body: expected {"confirm": "delete"}' }, { status: 400 });
  const actor = await getActor();
  if (!actor) return Response.json({ error: "there is nothing to delete for this browser" }, { status: 404 });
  await deleteAccount(db, actor.userId);
  (await cookies()).delete(GUEST_COOKIE);
  return Response.json({ ok: true, signedIn: actor.kind === "user" });
});
