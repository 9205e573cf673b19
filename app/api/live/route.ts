import { db } from "@/lib/db";
import { createLive, createLiveSchema } from "@/lib/live/db";
import { body, instructorOr403 } from "@/lib/live/http";
import { api } from "@/lib/log";

export const dynamic = "force-dynamic";

/** Creates a live session (instructors only). */
export const POST = api(async function POST(req: Request) {
  const who = await instructorOr403();
  if (!who.ok) return who.response;
  const input = await body(req, createLiveSchema);
  if (!input.ok) return input.response;
  const r = await createLive(db, who.instructor.userId, input.value);
  return Response.json(r.body, { status: r.status });
});
