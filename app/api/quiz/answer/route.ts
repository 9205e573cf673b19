import { getActor } from "@/lib/auth";
import { db } from "@/lib/db";
import { answerQuestion, checkAnswer, readJson } from "@/lib/progress";

export const dynamic = "force-dynamic";

/** Grades one answer on the server and records it for the current learner (guest or signed in). */
export async function POST(req: Request) {
  const json = await readJson(req);
  if (!json.ok) return Response.json(json.result.body, { status: json.result.status });
  const checked = checkAnswer(json.body);
  if (!checked.ok) return Response.json(checked.result.body, { status: checked.result.status });
  const actor = (await getActor({ create: true }))!;
  const result = await answerQuestion(db, actor.userId, checked.answer);
  return Response.json(result.body, { status: result.status });
}
