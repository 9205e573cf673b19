import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth";
import { checkAuthRequest } from "@/lib/auth/endpoint";

const handler = NextAuth(authOptions);
type Context = { params: Promise<{ nextauth: string[] }> };

/** next-auth's endpoints, behind a check that answers anything the app does not use with a 4xx (lib/auth/endpoint.ts). */
async function guarded(req: Request, ctx: Context) {
  return (await checkAuthRequest(req, (await ctx.params).nextauth)) ?? handler(req, ctx);
}
export { guarded as GET, guarded as POST };
