import { z } from "zod";
import { addAssignment, assignmentSchema, removeAssignment } from "@/lib/classes";
import { db } from "@/lib/db";
import { body, instructorOr403 } from "@/lib/live/http";
import { api } from "@/lib/log";

export const dynamic = "force-dynamic";

/** Sets an assignment for the class (its instructor only). */
export const POST = api(async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const who = await instructorOr403();
  if (!who.ok) return who.response;
  const input = await body(req, assignmentSchema);
  if (!input.ok) return input.response;
  const r = await addAssignment(db, who.instructor.userId, (await params).id, input.value);
  return Response.json(r.body, { status: r.status });
});

/** Removes one: {"id": "<assignment id>"}. */
export const DELETE = api(async function DELETE(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const who = await instructorOr403();
  if (!who.ok) return who.response;
  const input = await body(req, z.strictObject({ id: z.string().min(1).max(40) }));
  if (!input.ok) return input.response;
  const r = await removeAssignment(db, who.instructor.userId, (await params).id, input.value.id);
  return Response.json(r.body, { status: r.status });
});
