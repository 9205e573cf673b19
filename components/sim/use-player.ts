"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { Scenario } from "@/lib/sim/scenario";
import type { MessageStoryView, Player, PlayerView } from "./player-core";
import type { PlayerRequest, PlayerResponse } from "./player-protocol";

type Request = PlayerRequest extends infer R ? (R extends { seq: number } ? Omit<R, "seq"> : never) : never;

export interface PlayerHandle {
  view: PlayerView | null;
  story: MessageStoryView | null;
  error: string | null;
  /** How long the last answer took to compute (ms), as measured where the Player runs. */
  lastElapsedMs: number | null;
  /** True while a request is being computed. */
  busy: boolean;
  send: (req: Request) => void;
  /** Where the Player runs: "worker", or "main" when Web Workers are unavailable. */
  where: "worker" | "main" | null;
}

/**
 * Connects a component to a Player running in a Web Worker (or on the main thread as a
 * fallback). One request is in flight at a time; while it is computed, newer requests wait and
 * consecutive seeks collapse into the latest, so dragging the scrubber never builds a backlog.
 */
export function usePlayer(scenario: Scenario, loadAtMs: number): PlayerHandle {
  const [view, setView] = useState<PlayerView | null>(null);
  const [story, setStory] = useState<MessageStoryView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [lastElapsedMs, setLastElapsedMs] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [where, setWhere] = useState<"worker" | "main" | null>(null);
  const post = useRef<((req: PlayerRequest) => void) | null>(null);
  const pending = useRef(false);
  const queue = useRef<Request[]>([]);
  const seq = useRef(0);

  const pump = useCallback(() => {
    if (pending.current || !post.current) return;
    const next = queue.current.shift();
    if (!next) return setBusy(false);
    pending.current = true;
    setBusy(true);
    post.current({ ...next, seq: ++seq.current } as PlayerRequest);
  }, []);

  const onResponse = useCallback(
    (res: PlayerResponse) => {
      pending.current = false;
      if (res.type === "view") {
        setView(res.view);
        setLastElapsedMs(res.elapsedMs);
        setError(null);
      } else if (res.type === "story") setStory(res.story);
      else setError(res.message);
      pump();
    },
    [pump],
  );

  const send = useCallback(
    (req: Request) => {
      const q = queue.current;
      const last = q[q.length - 1];
      // A newer seek replaces a waiting one: only the latest position matters.
      if (req.type === "seek" && last?.type === "seek") q[q.length - 1] = req;
      else q.push(req);
      pump();
    },
    [pump],
  );

  // One worker per mounted player.
  useEffect(() => {
    let worker: Worker | null = null;
    try {
      worker = new Worker(new URL("./sim.worker.ts", import.meta.url), { type: "module" });
    } catch {
      worker = null;
    }
    if (worker) {
      worker.onmessage = (e: MessageEvent<PlayerResponse>) => onResponse(e.data);
      worker.onerror = (e) => {
        e.preventDefault();
        setError(e.message || "the simulation worker stopped");
        pending.current = false;
      };
      post.current = (req) => worker!.postMessage(req);
      setWhere("worker");
    } else {
      // No workers (very old browser, or blocked): the same Player on the main thread.
      const state: { player: Player | null } = { player: null };
      const protocol = import("./player-protocol");
      post.current = (req) => void protocol.then((m) => onResponse(m.handleRequest(state, req, () => performance.now())));
      setWhere("main");
    }
    pump();
    return () => {
      worker?.terminate();
      post.current = null;
      pending.current = false;
      queue.current = [];
    };
  }, [onResponse, pump]);

  // A new scenario (or a new moment to open at) reloads the run in the same worker.
  const loadAt = useRef(loadAtMs);
  loadAt.current = loadAtMs;
  useEffect(() => {
    queue.current = [];
    setStory(null);
    send({ type: "load", scenario, atMs: loadAt.current });
  }, [scenario, send]);

  return { view, story, error, lastElapsedMs, busy, send, where };
}
