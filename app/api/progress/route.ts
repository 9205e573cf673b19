import { getActor } from "@/lib/auth";
import { db } from "@/lib/db";
import { checkProgress, readJson, recordProgress } from "@/lib/progress";

export const dynamic = "force-dynamic";

/** Records that the learner opened a lesson ("started") or reached its end ("read"). */
export async function POST(req: Request) {
  const json = await readJson(req);
  if (!json.ok) return Response.json(json.result.body, { status: json.result.status });
  const checked = checkProgress(json.body);
  if (!checked.ok) return Response.json(checked.result.body, { status: checked.result.status });
  const actor = (await getActor({ create: true }))!;
  const result = await recordProgress(db, actor.userId, checked.request);
  return Response.json(result.body, { status: result.status });
}
