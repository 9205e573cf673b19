"use client";
import dynamic from "next/dynamic";
import { useEffect, useRef, useState, type ComponentProps } from "react";
import type { SimulationClient } from "./simulation-client";

/**
 * The lesson's player, loaded on demand: its code is not part of the lesson page's first load
 * (the engine itself only ever loads in the player's Web Worker), and each player starts only
 * when its place comes near the screen, so a lesson with three simulations does not start three
 * workers and draw three players while the page is still loading. Until then the learner sees
 * the simulation's title and "Loading the simulator…".
 */
const Player = dynamic(() => import("./simulation-client").then((m) => m.SimulationClient), { ssr: false, loading: () => null });

/** True once the element is within `margin` of the viewport (and from then on). */
function useNearViewport(margin: string) {
  const ref = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || near) return;
    if (typeof IntersectionObserver === "undefined") return setNear(true);
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), { rootMargin: margin });
    observer.observe(el);
    return () => observer.disconnect();
  }, [margin, near]);
  return { ref, near };
}

export function SimulationLazy(props: ComponentProps<typeof SimulationClient>) {
  const { ref, near } = useNearViewport("600px 0px");
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
