/**
 * Signs out through next-auth's own endpoints (CSRF token, then POST /api/auth/signout), then
 * loads `to` as a full page so every server-rendered part (the header included) shows the
 * visitor. Written here instead of importing next-auth/react, whose session provider would
 * otherwise ship to every page (docs/performance.md).
 */
export async function signOutTo(to: string): Promise<void> {
  const csrf = await fetch("/api/auth/csrf", { credentials: "same-origin" });
  if (!csrf.ok) throw new Error(`HTTP ${csrf.status}`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch("/api/auth/signout", {
    method: "POST",
    credentials: "same-origin",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, callbackUrl: to, json: "true" }),
  });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  window.location.assign(to);
}
