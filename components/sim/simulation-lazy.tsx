"use client";
import dynamic from "next/dynamic";
import type { ComponentProps } from "react";
import type { SimulationClient } from "./simulation-client";

/**
 * The lesson's player, loaded on demand: its code is not part of the lesson page's first load
 * (the engine itself only ever loads in the player's Web Worker). Until it arrives the learner
 * sees the simulation's title and "Loading the simulator…".
 */
const Player = dynamic(() => import("./simulation-client").then((m) => m.SimulationClient), { ssr: false, loading: () => null });

export function SimulationLazy(props: ComponentProps<typeof SimulationClient>) {
  return (
    <div className="sim-slot">
      <Player {...props} />
      {/* Shown until the player replaces it (CSS hides it once .sim is in the slot). */}
      <section className="sim sim-placeholder" aria-label={props.labels.title.replace("{name}", props.title)}>
        <h3 className="sim-title">{props.labels.title.replace("{name}", props.title)}</h3>
        <p className="meta">{props.labels.loading}</p>
      </section>
    </div>
  );
}
