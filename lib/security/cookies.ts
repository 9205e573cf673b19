/**
 * Options for every cookie the app sets itself (the guest cookie, each live session's rejoin
 * cookie). None is read by the browser's scripts, so all are HttpOnly; SameSite=Lax keeps them off
 * cross-site form posts and embedded requests while links from elsewhere still find the guest's
 * progress; Secure when the app is served over HTTPS. next-auth's own cookies follow the same rule
 * through `useSecureCookies` (lib/auth/options.ts).
 */
export function servedOverHttps(env: Record<string, string | undefined> = process.env): boolean {
  return env.NEXTAUTH_URL?.startsWith("https:") ?? false;
}

export interface AppCookieOptions {
  httpOnly: true;
  sameSite: "lax";
  secure: boolean;
  path: "/";
  maxAge: number;
}

export function appCookieOptions(maxAgeSeconds: number, env: Record<string, string | undefined> = process.env): AppCookieOptions {
  return { httpOnly: true, sameSite: "lax", secure: servedOverHttps(env), path: "/", maxAge: maxAgeSeconds };
}
