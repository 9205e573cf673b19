import { cookies } from "next/headers";
import { getActor } from "@/lib/auth";
import { db } from "@/lib/db";
import { joinLive, joinSchema } from "@/lib/live/db";
import { body, LIVE_COOKIE_MAX_AGE, liveCookie, liveToken } from "@/lib/live/http";
import { appCookieOptions } from "@/lib/security/cookies";
import { api } from "@/lib/log";

export const dynamic = "force-dynamic";

/**
 * Joins a live session by code with a nickname; no account needed. A signed-in learner's answers
 * also count toward their progress. The rejoin token goes into a cookie for this session.
 */
export const POST = api(async function POST(req: Request) {
  const input = await body(req, joinSchema);
  if (!input.ok) return input.response;
  const actor = await getActor();
  const r = await joinLive(db, input.value, { userId: actor?.kind === "user" ? actor.userId : null, token: await liveToken(input.value.code) });
  if (r.token)
    (await cookies()).set(liveCookie(input.value.code), r.token, appCookieOptions(LIVE_COOKIE_MAX_AGE));
  return Response.json(r.body, { status: r.status });
});
