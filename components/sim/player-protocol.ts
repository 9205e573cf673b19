/**
 * Messages between the player UI and the Player (player-core.ts), which runs in a Web Worker
 * (sim.worker.ts) or, where workers are unavailable, on the main thread. Every request carries a
 * sequence number; the answer echoes it. Plain data only (structured clone).
 */
import type { Scenario } from "@/lib/sim/scenario";
import { Player, type MessageStoryView, type PlayerView } from "./player-core";

export type PlayerRequest =
  | { seq: number; type: "load"; scenario: Scenario; atMs: number }
  | { seq: number; type: "seek"; atMs: number; trailMs: number }
  | { seq: number; type: "step"; trailMs: number }
  | { seq: number; type: "end" }
  | { seq: number; type: "window"; end: number | null }
  | { seq: number; type: "highlight"; ids: number[] }
  | { seq: number; type: "story"; id: number };

export type PlayerResponse =
  | { seq: number; type: "view"; view: PlayerView; elapsedMs: number }
  | { seq: number; type: "story"; story: MessageStoryView }
  | { seq: number; type: "error"; message: string };

/** Handles one request against a Player (shared by the worker and the main-thread fallback). */
export function handleRequest(state: { player: Player | null }, req: PlayerRequest, clock: () => number): PlayerResponse {
  const started = clock();
  try {
    if (req.type === "load") {
      state.player = new Player(req.scenario);
      if (req.atMs > 0) state.player.seek(req.atMs);
    }
    const p = state.player;
    if (!p) return { seq: req.seq, type: "error", message: "no scenario loaded" };
    let trailMs = 0;
    switch (req.type) {
      case "seek":
        p.seek(req.atMs);
        trailMs = req.trailMs;
        break;
      case "step":
        p.step();
        trailMs = req.trailMs;
        break;
      case "end":
        p.toEnd();
        break;
      case "window":
        p.setWindow(req.end);
        break;
      case "highlight":
        p.setHighlight(req.ids);
        break;
      case "story":
        return { seq: req.seq, type: "story", story: p.story(req.id) };
    }
    const view = p.view(trailMs);
    return { seq: req.seq, type: "view", view, elapsedMs: clock() - started };
  } catch (err) {
    return { seq: req.seq, type: "error", message: (err as Error).message };
  }
}
