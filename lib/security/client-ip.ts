/**
 * The client address a request came from, as a rate-limit key.
 *
 * Route handlers never see the socket. `next start` copies the socket's address into
 * X-Forwarded-For only when the request has no such header, and keeps a header the client sent.
 * So the address is read from the right of X-Forwarded-For: with `TRUSTED_PROXY_HOPS` reverse
 * proxies in front of the app (each appending the address it received from), the client is the
 * entry that many places from the right; with none (0, the default) or one, it is the last entry.
 * Without a proxy that overwrites or appends, a client can choose its own header, so the per-IP
 * limits only bind behind a proxy; the per-account limits hold either way (decision 014).
 */
export function clientIp(headers: Headers | Record<string, string | string[] | undefined>, env: Record<string, string | undefined> = process.env): string {
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw.join(",") : raw;
  const entries = (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (entries.length === 0) return "unknown";
  const hops = Math.max(1, Number.parseInt(env.TRUSTED_PROXY_HOPS ?? "0", 10) || 0);
  const entry = entries[Math.max(0, entries.length - hops)]!;
  return normaliseIp(entry);
}

/**
 * One key per client: an IPv4 address as is (also when written as IPv6-mapped or with a port),
 * and an IPv6 address by its /64 network, the block one subscriber usually gets. Anything else is
 * cut to 64 characters so a hostile header cannot make keys of any size.
 */
export function normaliseIp(entry: string): string {
  let s = entry.trim().toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(s);
  if (bracketed) s = bracketed[1]!;
  const v4 = /^(?:::ffff:)?(\d{1,3}(?:\.\d{1,3}){3})(?::\d+)?$/.exec(s);
  if (v4) return v4[1]!;
  const groups = expandIpv6(s);
  if (groups) return `${groups.slice(0, 4).join(":")}::/64`;
  return s.slice(0, 64);
}

/** The eight 16-bit groups of an IPv6 address, or null when it is not one. */
function expandIpv6(s: string): string[] | null {
  const zone = s.indexOf("%");
  if (zone >= 0) s = s.slice(0, zone);
  if (!/^[0-9a-f:]+$/.test(s) || s.split("::").length > 2) return null;
  const [head, tail] = s.includes("::") ? s.split("::") : [s, null];
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  if (tail === null && left.length !== 8) return null;
  const missing = 8 - left.length - right.length;
  if (missing < 0 || (tail !== null && missing < 1)) return null;
  const groups = [...left, ...Array<string>(tail === null ? 0 : missing).fill("0"), ...right];
  if (groups.some((g) => g.length === 0 || g.length > 4)) return null;
  return groups.map((g) => g.replace(/^0+(?=.)/, ""));
}
