import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db";
import { mergeGuestInto } from "@/lib/progress/merge";
import { clientIp } from "@/lib/security/client-ip";
import { servedOverHttps } from "@/lib/security/cookies";
import { rateLimitedCode } from "@/lib/security/rate-limited";
import { authLimits } from "./limits";
import { signInSchema } from "./schemas";
import { authenticate, findGuestByToken } from "./users";

export const GUEST_COOKIE = "lossless_guest";

/** The value of one cookie in a Cookie header (authorize() gets the raw request headers). */
function cookieValue(header: string | undefined, name: string): string | null {
  const match = new RegExp(`(?:^|;\\s*)${name}=([^;]*)`).exec(header ?? "");
  return match ? decodeURIComponent(match[1]!) : null;
}

/** JWT sessions with an email + password provider (docs/decisions/005-sessions.md). */
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  // next-auth's cookies are HttpOnly and SameSite=Lax; Secure (with __Secure-/__Host- names) over HTTPS.
  useSecureCookies: servedOverHttps(),
  pages: { signIn: "/en/signin" },
  providers: [
    CredentialsProvider({
      name: "email",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const parsed = signInSchema.safeParse({ email: credentials?.email, password: credentials?.password });
        if (!parsed.success) return null;
        const headers = req?.headers as Record<string, string> | undefined;
        // Too many wrong passwords for this account or from this address: refused before the
        // password is even checked (app/api/auth/[...nextauth] answers 429 with Retry-After).
        const attempt = authLimits.beginSignIn(clientIp(headers ?? {}), parsed.data.email);
        if (!attempt.ok) throw new Error(rateLimitedCode(attempt.retryAfterSeconds));
        const user = await authenticate(db, parsed.data.email, parsed.data.password);
        attempt.finish(user !== null);
        if (!user) return null;
        // Whatever this browser did as a guest becomes the account's.
        const guest = await findGuestByToken(db, cookieValue(headers?.cookie, GUEST_COOKIE));
        if (guest) await mergeGuestInto(db, guest.id, user.id);
        return { id: user.id, email: user.email, name: user.name, role: user.role };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = (user as { role?: string }).role ?? "learner";
      }
      return token;
    },
    session({ session, token }) {
      if (session.user) {
        (session.user as { id?: string }).id = token.uid as string;
        (session.user as { role?: string }).role = token.role as string;
      }
      return session;
    },
  },
};
