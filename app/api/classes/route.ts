import { db } from "@/lib/db";
import { createClass, createClassSchema } from "@/lib/classes";
import { body, instructorOr403 } from "@/lib/live/http";
import { api } from "@/lib/log";

export const dynamic = "force-dynamic";

/** Creates a class (instructors only). */
export const POST = api(async function POST(req: Request) {
  const who = await instructorOr403();
  if (!who.ok) return who.response;
  const input = await body(req, createClassSchema);
  if (!input.ok) return input.response;
  const r = await createClass(db, who.instructor.userId, input.value);
  return Response.json(r.body, { status: r.status });
});
