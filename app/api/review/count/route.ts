import { getActor } from "@/lib/auth";
import { requestNow } from "@/lib/clock";
import { db } from "@/lib/db";
import { dueCount } from "@/lib/progress";
import { api } from "@/lib/log";

export const dynamic = "force-dynamic";

/** How many questions the current learner has due for review now (0 for a new visitor). */
export const GET = api(async function GET() {
  const actor = await getActor();
  const due = actor ? await dueCount(db, actor.userId, await requestNow()) : 0;
  return Response.json({ due }, { headers: { "cache-control": "no-store" } });
});
