import { requestNow } from "@/lib/clock";
import { db } from "@/lib/db";
import { answerLive, liveAnswerSchema, participantByToken } from "@/lib/live/db";
import { body, liveToken } from "@/lib/live/http";
import { normaliseCode } from "@/lib/live/state";

export const dynamic = "force-dynamic";

/** Answers the open question; a second answer to it is acknowledged but not counted. */
export async function POST(req: Request, { params }: { params: Promise<{ code: string }> }) {
  const input = await body(req, liveAnswerSchema);
  if (!input.ok) return input.response;
  const code = normaliseCode((await params).code);
  const p = await participantByToken(db, code, await liveToken(code));
  if (!p) return Response.json({ error: "join the session first" }, { status: 403 });
  const r = await answerLive(db, p, input.value, await requestNow());
  return Response.json(r.body, { status: r.status });
}
