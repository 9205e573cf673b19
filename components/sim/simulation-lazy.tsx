"use client";
import dynamic from "next/dynamic";
import type { ComponentProps } from "react";
import { useNearViewport } from "@/components/ui/near-viewport";
import type { SimulationClient } from "./simulation-client";

/**
 * The lesson's player, loaded on demand: its code is not part of the lesson page's first load
 * (the engine itself only ever loads in the player's Web Worker), and each player starts only
 * when its place comes near the screen, so a lesson with three simulations does not start three
 * workers and draw three players while the page is still loading. Until then the learner sees
 * the simulation's title and "Loading the simulator…".
 */
const Player = dynamic(() => import("./simulation-client").then((m) => m.SimulationClient), { ssr: false, loading: () => null });

export function SimulationLazy(props: ComponentProps<typeof SimulationClient>) {
  const { ref, near } = useNearViewport<HTMLDivElement>("600px 0px");
  return (
    <div className="sim-slot" ref={ref} data-preset={props.name}>
      {near && <Player {...props} />}
      {/* Shown until the player replaces it (CSS hides it once .sim is in the slot). */}
      <section className="sim sim-placeholder" aria-label={props.labels.title.replace("{name}", props.title)}>
        <h3 className="sim-title">{props.labels.title.replace("{name}", props.title)}</h3>
        <p className="meta">{props.labels.loading}</p>
      </section>
    </div>
  );
}
