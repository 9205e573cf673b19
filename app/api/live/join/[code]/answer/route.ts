import { requestNow } from "@/lib/clock";
import { db } from "@/lib/db";
import { answerLive, liveAnswerSchema } from "@/lib/live/db";
import { body, liveToken } from "@/lib/live/http";
import { normaliseCode } from "@/lib/live/state";
import { api } from "@/lib/log";

export const dynamic = "force-dynamic";

/** Answers the open question; a second answer to it is acknowledged but not counted. */
export const POST = api(async function POST(req: Request, { params }: { params: Promise<{ code: string }> }) {
  const started = performance.now();
  const input = await body(req, liveAnswerSchema);
  if (!input.ok) return input.response;
  const code = normaliseCode((await params).code);
  const r = await answerLive(db, code, await liveToken(code), input.value, await requestNow());
  // How long the handler took, for bench:live to tell server time from queueing.
  return Response.json(r.body, { status: r.status, headers: { "server-timing": `app;dur=${(performance.now() - started).toFixed(1)}` } });
});
