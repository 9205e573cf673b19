import { getActor } from "@/lib/auth";
import { db } from "@/lib/db";
import { quizState } from "@/lib/progress";
import { api } from "@/lib/log";

export const dynamic = "force-dynamic";

/** The current learner's answers to one lesson's questions (only answered ones are revealed). */
export const GET = api(async function GET(req: Request) {
  const url = new URL(req.url);
  const lesson = url.searchParams.get("lesson") ?? "";
  const locale = url.searchParams.get("locale") === "zh" ? "zh" : "en";
  if (!/^[a-z0-9-]{1,60}$/.test(lesson)) return Response.json({ error: "lesson: expected a lesson slug" }, { status: 400 });
  const actor = await getActor();
  const result = await quizState(db, actor?.userId ?? null, lesson, locale);
  return Response.json(result.body, { status: result.status, headers: { "cache-control": "no-store" } });
});
