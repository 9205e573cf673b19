import { requestNow } from "@/lib/clock";
import { db } from "@/lib/db";
import { control, controlSchema } from "@/lib/live/db";
import { body, instructorOr403 } from "@/lib/live/http";
import { api } from "@/lib/log";

export const dynamic = "force-dynamic";

/** The host's buttons: start, reveal, next, end. Any device signed in as the host may press them. */
export const POST = api(async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const who = await instructorOr403();
  if (!who.ok) return who.response;
  const input = await body(req, controlSchema);
  if (!input.ok) return input.response;
  const r = await control(db, who.instructor.userId, (await params).id, input.value.action, await requestNow());
  return Response.json(r.body, { status: r.status });
});
