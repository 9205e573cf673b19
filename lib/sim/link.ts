/**
 * Shareable links: a scenario (and a moment in it) encoded into a URL-safe string. Versioned, so
 * an old or corrupt link is reported as such instead of being misread.
 */
const VERSION = "v1";

export interface LinkState {
  input: unknown;
  atMs: number;
  /** Compare mode's changes for configuration B, when it is on. */
  compare?: unknown;
}

function toBase64Url(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(encoded: string): string {
  const binary = atob(encoded.replace(/-/g, "+").replace(/_/g, "/"));
  return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

export function encodeLink(state: LinkState): string {
  return `${VERSION}.${toBase64Url(JSON.stringify({ s: state.input, t: Math.max(0, Math.round(state.atMs)), ...(state.compare !== undefined ? { c: state.compare } : {}) }))}`;
}

/** The scenario input and moment in a link, or why it cannot be read (validate the input separately). */
export function decodeLink(link: string): { ok: true; state: LinkState } | { ok: false; error: string } {
  const dot = link.indexOf(".");
  const version = dot === -1 ? "" : link.slice(0, dot);
  if (version !== VERSION) return { ok: false, error: version ? `unsupported link version "${version.slice(0, 10)}"` : "not a scenario link" };
  try {
    const data = JSON.parse(fromBase64Url(link.slice(dot + 1))) as { s?: unknown; t?: unknown; c?: unknown };
    if (typeof data !== "object" || data === null || !("s" in data)) return { ok: false, error: "the link holds no scenario" };
    const atMs = typeof data.t === "number" && Number.isFinite(data.t) && data.t >= 0 ? data.t : 0;
    const compare = typeof data.c === "object" && data.c !== null ? data.c : undefined;
    return { ok: true, state: { input: data.s, atMs, ...(compare ? { compare } : {}) } };
  } catch {
    return { ok: false, error: "the link is damaged (it could not be decoded)" };
  }
}
