import { NextResponse, type NextRequest } from "next/server";
import { isLocale, resolveLocale } from "@/lib/i18n/config";

/**
 * Every page lives under /en or /zh. A path without a locale is redirected to the visitor's
 * language (Accept-Language), English by default; the rest of the path is kept.
 */
export function proxy(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  const first = pathname.split("/")[1];
  if (isLocale(first)) return NextResponse.next();
  const locale = resolveLocale(req.headers.get("accept-language"));
  const url = req.nextUrl.clone();
  url.pathname = `/${locale}${pathname === "/" ? "" : pathname}`;
  url.search = search;
  return NextResponse.redirect(url, 307);
}

export const config = {
  matcher: ["/((?!api|_next|favicon.ico|robots.txt|.*\\.[a-z0-9]+$).*)"],
};
