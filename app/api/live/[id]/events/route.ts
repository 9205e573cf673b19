import { requestNow } from "@/lib/clock";
import { db } from "@/lib/db";
import { getDictionary } from "@/lib/i18n";
import { hostView } from "@/lib/live/db";
import { instructorOr403, langOf } from "@/lib/live/http";
import { sseResponse } from "@/lib/live/sse";
import { api } from "@/lib/log";

export const dynamic = "force-dynamic";

/** The host screen's live feed (SSE): the session view on every join, answer and control. */
export const GET = api(async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const who = await instructorOr403();
  if (!who.ok) return who.response;
  const { id } = await params;
  const asked = langOf(req);
  if (!asked.ok) return asked.response;
  const lang = asked.lang;
  const t = getDictionary(lang);
  const render = async () => hostView(db, who.instructor.userId, id, lang, await requestNow(), { terms: t.terms, words: t.quiz.setupWords });
  if (!(await render())) return Response.json({ error: "no such session" }, { status: 404 });
  return sseResponse(req.signal, id, ["phase", "answers"], render);
});
