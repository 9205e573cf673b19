/// <reference lib="webworker" />
/**
 * The simulation's Web Worker: runs the Player off the main thread so the page stays responsive
 * while a long scenario replays. Between requests it builds seek checkpoints in small slices.
 */
import type { Player } from "./player-core";
import { handleRequest, type PlayerRequest } from "./player-protocol";

const scope = self as unknown as DedicatedWorkerGlobalScope;
const state: { player: Player | null } = { player: null };
let idleTimer: ReturnType<typeof setTimeout> | null = null;

function idle(): void {
  idleTimer = null;
  const p = state.player;
  if (!p || p.buildCheckpoints(8, () => performance.now())) return;
  idleTimer = setTimeout(idle, 0);
}

scope.onmessage = (e: MessageEvent<PlayerRequest>) => {
  scope.postMessage(handleRequest(state, e.data, () => performance.now()));
  if (idleTimer === null) idleTimer = setTimeout(idle, 0);
};
