import "server-only";
import { z } from "zod";
import { readCapped } from "@/lib/progress/read-json";

/**
 * A check in front of next-auth's catch-all route (/api/auth/...). next-auth answers malformed
 * requests with redirects or plain-text errors; this check lets through only the endpoints the
 * app uses, with the form the next-auth client sends, and answers anything else with a 4xx and a
 * JSON message like every other API. next-auth still verifies the CSRF token and the password.
 */

/** GET endpoints the app uses: the session and CSRF token (SessionProvider, the sign-in form), and next-auth's own pages. */
const GET_ACTIONS = new Set(["session", "csrf", "providers", "signin", "signout", "error"]);

/** The form the next-auth client posts: to sign in with credentials, or to sign out. */
export const authFormSchema = z.strictObject({
  csrfToken: z.string().regex(/^[0-9a-f]{16,128}$/, "expected the token from /api/auth/csrf"),
  callbackUrl: z.string().max(2048).optional(),
  json: z.enum(["true", "false"]).optional(),
  redirect: z.enum(["true", "false"]).optional(),
  email: z.string().max(254).optional(),
  password: z.string().max(200).optional(),
});

const MAX_FORM_BYTES = 4096;
const json = (status: number, error: string) => Response.json({ error }, { status });

/** A 4xx for a request next-auth should not see, or null to hand it on. Reads a clone of the body. */
export async function checkAuthRequest(req: Request, segments: string[]): Promise<Response | null> {
  const [action, provider, ...rest] = segments;
  if (req.method === "GET") return GET_ACTIONS.has(action ?? "") && provider === undefined ? null : json(404, "no such auth endpoint");
  const signingIn = action === "callback" && provider === "credentials";
  if (!(signingIn || (action === "signout" && provider === undefined)) || rest.length > 0) return json(404, "no such auth endpoint");
  if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(req.headers.get("content-type") ?? "")) return json(415, "send the form as application/x-www-form-urlencoded");
  if (Number(req.headers.get("content-length")) > MAX_FORM_BYTES) return json(413, "form is too large");
  const bytes = await readCapped(req.clone(), MAX_FORM_BYTES);
  if (!bytes) return json(413, "form is too large");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return json(400, "form: not valid UTF-8");
  }
  const params = new URLSearchParams(text);
  const fields = Object.fromEntries(params);
  if ([...params.keys()].length !== Object.keys(fields).length) return json(400, "form: a field is repeated");
  const parsed = authFormSchema.safeParse(fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return json(400, `${issue.path.join(".") || "form"}: ${issue.message}`);
  }
  if (signingIn && (!parsed.data.email || !parsed.data.password)) return json(400, "form: email and password are required");
  return null;
}
