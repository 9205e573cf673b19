import { currentGuestId, signUp, signUpErrorCode, signUpSchema } from "@/lib/auth";
import { db } from "@/lib/db";
import { readJson } from "@/lib/progress";
import { api } from "@/lib/log";

export const dynamic = "force-dynamic";

/** Creates an account (keeping the guest's progress); the client then signs in. */
export const POST = api(async function POST(req: Request) {
  const json = await readJson(req);
  if (!json.ok) return Response.json(json.result.body, { status: json.result.status });
  const parsed = signUpSchema.safeParse(json.body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return Response.json({ error: `${issue.path.join(".") || "body"}: ${issue.message}`, code: signUpErrorCode(issue.path[0]) }, { status: 400 });
  }
  const result = await signUp(db, parsed.data, await currentGuestId());
  if (!result.ok) return Response.json({ error: "an account with this email already exists", code: "email-taken" }, { status: 409 });
  return Response.json({ ok: true }, { status: 201 });
});
