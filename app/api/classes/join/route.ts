import { getActor } from "@/lib/auth";
import { joinClass, joinClassSchema } from "@/lib/classes";
import { db } from "@/lib/db";
import { body } from "@/lib/live/http";
import { api } from "@/lib/log";

export const dynamic = "force-dynamic";

/** Joins a class by its code; needs an account, so the class can follow the learner's progress. */
export const POST = api(async function POST(req: Request) {
  const input = await body(req, joinClassSchema);
  if (!input.ok) return input.response;
  const actor = await getActor();
  if (actor?.kind !== "user") return Response.json({ error: "sign in or create an account to join a class" }, { status: 401 });
  const r = await joinClass(db, actor.userId, input.value.code);
  return Response.json(r.body, { status: r.status });
});
