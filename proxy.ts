import { NextResponse, type NextRequest } from "next/server";
import { isLocale, resolveLocale } from "@/lib/i18n/config";
import { REQUEST_ID_HEADER, requestIdFrom } from "@/lib/log/request-id";

/**
 * Every page lives under /en or /zh. A path without a locale is redirected to the visitor's
 * language (Accept-Language), English by default; the rest of the path is kept.
 *
 * Pages also get a request id here (API routes get theirs from lib/log's api() wrapper, which
 * also logs them): passed on to the page and set on the response, so a page's server error in
 * the log (instrumentation.ts) carries the id the browser saw.
 */
export function proxy(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  // A path that is not valid percent-encoded UTF-8 (/api/mock/%ff) would fail later inside
  // Next.js's own parameter decoding with a 500; it is the client's mistake, so a 400.
  if (!wellEncoded(pathname))
    return pathname.startsWith("/api/")
      ? NextResponse.json({ error: "path: malformed percent-encoding" }, { status: 400 })
      : new NextResponse("400 · malformed percent-encoding in the address", { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  // API routes set their own request id (lib/log api()).
  if (pathname.startsWith("/api/")) return NextResponse.next();
  const requestId = requestIdFrom(req.headers.get(REQUEST_ID_HEADER));
  const first = pathname.split("/")[1];
  if (isLocale(first)) {
    const headers = new Headers(req.headers);
    headers.set(REQUEST_ID_HEADER, requestId);
    const res = NextResponse.next({ request: { headers } });
    res.headers.set(REQUEST_ID_HEADER, requestId);
    return res;
  }
  const locale = resolveLocale(req.headers.get("accept-language"));
  const url = req.nextUrl.clone();
  url.pathname = `/${locale}${pathname === "/" ? "" : pathname}`;
  url.search = search;
  const res = NextResponse.redirect(url, 307);
  res.headers.set(REQUEST_ID_HEADER, requestId);
  return res;
}

function wellEncoded(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export const config = {
  // Pages; and of the API only paths with a percent sign (the ones that may be malformed): running
  // the proxy on every API request cost each one several milliseconds, which under a class's burst
  // of answers queued up to over a second (npm run bench:live, docs/performance.md).
  matcher: ["/((?!api|_next|favicon.ico|robots.txt|.*\\.[a-z0-9]+$).*)", "/api/:path(.*%.*)"],
};
