/**
 * The security headers every response carries (pages, API routes, static files), set by
 * next.config.ts. Pure, so tests check the exact policy.
 *
 * Scripts: no 'unsafe-eval' outside development (nothing in the browser evaluates strings: MDX
 * is turned into React on the server, the simulator's worker is a plain module). Inline scripts
 * stay allowed because Next.js streams each page's data in inline <script> tags and most pages
 * (lessons, the Lab) are prerendered, so a per-request nonce would make every page dynamic;
 * decision 014 weighs this.
 */
export interface SecurityHeaderOptions {
  /** `next dev`: its hot reloading evaluates code and talks over a WebSocket. */
  dev: boolean;
  /** Served over HTTPS (NEXTAUTH_URL starts with https:): adds HSTS and upgrades requests. */
  https: boolean;
}

export function contentSecurityPolicy({ dev, https }: SecurityHeaderOptions): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'", ...(dev ? ["'unsafe-eval'"] : [])],
    // React writes style attributes (bar widths, positions on the timeline).
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    // Fetches, Server-Sent Events (live sessions) and, in development, the hot-reload socket.
    "connect-src": ["'self'", ...(dev ? ["ws:", "wss:"] : [])],
    // The simulator's Web Worker is a same-origin module script.
    "worker-src": ["'self'"],
    "manifest-src": ["'self'"],
    "media-src": ["'none'"],
    "frame-src": ["'none'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  const parts = Object.entries(directives).map(([name, values]) => `${name} ${values.join(" ")}`);
  if (https) parts.push("upgrade-insecure-requests");
  return parts.join("; ");
}

export function securityHeaders(opts: SecurityHeaderOptions): { key: string; value: string }[] {
  return [
    { key: "Content-Security-Policy", value: contentSecurityPolicy(opts) },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    // For browsers that predate frame-ancestors.
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), browsing-topics=()" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
    ...(opts.https ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
  ];
}
