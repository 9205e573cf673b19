/**
 * Numbers the player's UI and its worker share. Kept apart from player-core.ts so that the UI
 * (in every lesson page) does not pull the engine into the page's JavaScript: the engine loads
 * only inside the Web Worker.
 */

/** How many offsets each broker's record strip shows. */
export const WINDOW_RECORDS = 12;
