"use client";
import { useState } from "react";

/** Sends JSON and returns the JSON answer; a non-2xx answer throws with the server's message. */
export async function sendJson<T = Record<string, unknown>>(url: string, body: unknown, method = "POST"): Promise<T> {
  const res = await fetch(url, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok) throw new Error(String(json.error ?? res.statusText));
  return json as T;
}

/**
 * The state of a form that sends something: busy while it runs, the error message if it failed.
 * `format` words the message (e.g. "Could not do that: {message}"); with `stayBusy` the form
 * stays disabled after success, for actions that navigate away.
 */
export function useSubmit({ format = (m: string) => m, stayBusy = false }: { format?: (message: string) => string; stayBusy?: boolean } = {}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  async function run(action: () => Promise<void>): Promise<void> {
    setBusy(true);
    setError("");
    try {
      await action();
      if (!stayBusy) setBusy(false);
    } catch (err) {
      setError(format((err as Error).message));
      setBusy(false);
    }
  }
  return { busy, error, run };
}

/** The error of a form, announced to screen readers. */
export function FormError({ message }: { message: string }) {
  return message ? (
    <p className="alert" role="alert">
      {message}
    </p>
  ) : null;
}
