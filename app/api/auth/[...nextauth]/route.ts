import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth";
import { tooManyAttempts } from "@/lib/security/http";
import { parseRateLimited } from "@/lib/security/rate-limited";
import { api } from "@/lib/log";
import { checkAuthRequest } from "@/lib/auth/endpoint";

const handler = NextAuth(authOptions);
type Context = { params: Promise<{ nextauth: string[] }> };

/** next-auth's endpoints, behind a check that answers anything the app does not use with a 4xx (lib/auth/endpoint.ts). */
async function guardedGet(req: Request, ctx: Context): Promise<Response> {
  return (await checkAuthRequest(req, (await ctx.params).nextauth)) ?? handler(req, ctx);
}

/**
 * next-auth answers a refused sign-in with 401 and the reason in its redirect URL. A sign-in
 * refused by the rate limit (lib/auth/limits.ts) becomes 429 with Retry-After, keeping next-auth's
 * JSON shape (`{ url }`) so its client still reads the error.
 */
async function guardedPost(req: Request, ctx: Context): Promise<Response> {
  const refused = await checkAuthRequest(req, (await ctx.params).nextauth);
  if (refused) return refused;
  const res: Response = await handler(req, ctx);
  if (res.status !== 401) return res;
  const location = res.headers.get("location") ?? ((await res.clone().json().catch(() => null)) as { url?: string } | null)?.url;
  let retryAfterSeconds: number | null = null;
  try {
    retryAfterSeconds = location ? parseRateLimited(new URL(location, "http://x").searchParams.get("error")) : null;
  } catch {
    retryAfterSeconds = null;
  }
  if (retryAfterSeconds === null) return res;
  const limited = tooManyAttempts(retryAfterSeconds, location ? { url: new URL(location, req.url).toString() } : {});
  // Keep the cookies next-auth set (its csrf and callback cookies).
  for (const cookie of res.headers.getSetCookie()) limited.headers.append("set-cookie", cookie);
  return limited;
}

export const GET = api(guardedGet);
export const POST = api(guardedPost);
