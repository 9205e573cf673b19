import { cookies } from "next/headers";
import { getActor } from "@/lib/auth";
import { db } from "@/lib/db";
import { joinLive, joinSchema } from "@/lib/live/db";
import { body, liveCookie, liveToken } from "@/lib/live/http";
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
    (await cookies()).set(liveCookie(input.value.code), r.token, { httpOnly: true, sameSite: "lax", secure: process.env.NEXTAUTH_URL?.startsWith("https:") ?? false, path: "/", maxAge: 24 * 3600 });
  return Response.json(r.body, { status: r.status });
});
