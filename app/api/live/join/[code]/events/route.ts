import { requestNow } from "@/lib/clock";
import { db } from "@/lib/db";
import { getDictionary } from "@/lib/i18n";
import { learnerView, participantByToken } from "@/lib/live/db";
import { langOf, liveToken } from "@/lib/live/http";
import { normaliseCode } from "@/lib/live/state";
import { sseResponse } from "@/lib/live/sse";
import { api } from "@/lib/log";

export const dynamic = "force-dynamic";

/** A learner's live feed (SSE): the current question, and after the reveal their result. */
export const GET = api(async function GET(req: Request, { params }: { params: Promise<{ code: string }> }) {
  const asked = langOf(req);
  if (!asked.ok) return asked.response;
  const lang = asked.lang;
  const code = normaliseCode((await params).code);
  const p = await participantByToken(db, code, await liveToken(code));
  if (!p) return Response.json({ error: "join the session first" }, { status: 403 });
  const t = getDictionary(lang);
  return sseResponse(req.signal, p.sessionId, ["phase"], async () => learnerView(db, p, lang, await requestNow(), { terms: t.terms, words: t.quiz.setupWords }));
});
