"use client";
import { useEffect, useState } from "react";

/**
 * Follows a Server-Sent Events feed: the latest view, and whether the connection is down. The
 * browser reconnects by itself; the server sends the whole current view on every (re)connect.
 */
export function useLiveFeed<T>(url: string): { view: T | null; connected: boolean; receivedAt: number } {
  const [state, setState] = useState<{ view: T | null; connected: boolean; receivedAt: number }>({ view: null, connected: false, receivedAt: 0 });
  useEffect(() => {
    const source = new EventSource(url);
    source.onmessage = (e) => setState({ view: JSON.parse(e.data) as T, connected: true, receivedAt: Date.now() });
    source.onerror = () => setState((s) => ({ ...s, connected: false }));
    return () => source.close();
  }, [url]);
  return state;
}

/** Milliseconds left on a countdown the server gave as "closes in" when the view arrived. */
export function useCountdown(closesInMs: number | null, receivedAt: number): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (closesInMs === null) return;
    const t = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(t);
  }, [closesInMs]);
  return closesInMs === null ? null : Math.max(0, closesInMs - (now - receivedAt));
}
