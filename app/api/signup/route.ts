import { currentGuestId, signUp, signUpErrorCode, signUpSchema } from "@/lib/auth";
import { db } from "@/lib/db";
import { authLimits } from "@/lib/auth/limits";
import { readJson } from "@/lib/progress";
import { clientIp } from "@/lib/security/client-ip";
import { tooManyAttempts } from "@/lib/security/http";
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
  // Counted once the body is valid, because from here on each attempt costs a password hash.
  const allowed = authLimits.signUp(clientIp(req.headers), parsed.data.email);
  if (!allowed.ok) return tooManyAttempts(allowed.retryAfterSeconds);
  const result = await signUp(db, parsed.data, await currentGuestId());
  if (!result.ok) return Response.json({ error: "an account with this email already exists", code: "email-taken" }, { status: 409 });
  return Response.json({ ok: true }, { status: 201 });
});
