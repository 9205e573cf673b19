import { getActor } from "@/lib/auth";
import { db } from "@/lib/db";
import { quizState, quizStateQuery, readQuery } from "@/lib/progress";
import { api } from "@/lib/log";

export const dynamic = "force-dynamic";

/** The current learner's answers to one lesson's questions (only answered ones are revealed). */
export const GET = api(async function GET(req: Request) {
  const query = readQuery(req, quizStateQuery);
  if (!query.ok) return Response.json(query.result.body, { status: query.result.status });
  const { lesson, locale } = query.value;
  const actor = await getActor();
  const result = await quizState(db, actor?.userId ?? null, lesson, locale);
  return Response.json(result.body, { status: result.status, headers: { "cache-control": "no-store" } });
});
