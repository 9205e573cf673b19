"use client";
import { useEffect, useRef, useState, type ReactNode } from "react";

/** True once the element is within `margin` of the viewport (and from then on). */
export function useNearViewport<T extends HTMLElement>(margin: string) {
  const ref = useRef<T>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || near) return;
    if (typeof IntersectionObserver === "undefined") return setNear(true);
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), { rootMargin: margin });
    observer.observe(el);
    return () => observer.disconnect();
  }, [margin, near]);
  return { ref, near, show: () => setNear(true) };
}

/**
 * Renders `children` only once their place comes near the screen, `placeholder` until then: a
 * long page's lower parts (a lesson's quiz) are not built and hydrated while the page loads. A
 * keyboard user who tabs into the placeholder (give it a button) gets the real content at once,
 * with focus moved to its first control, so no part of the page is skipped.
 */
export function NearViewport({ placeholder, children, className, margin = "800px 0px" }: { placeholder: ReactNode; children: ReactNode; className?: string; margin?: string }) {
  const { ref, near, show } = useNearViewport<HTMLDivElement>(margin);
  const [focusInside, setFocusInside] = useState(false);
  useEffect(() => {
    if (!near || !focusInside) return;
    ref.current?.querySelector<HTMLElement>("input, select, textarea, button, a[href]")?.focus();
    setFocusInside(false);
  }, [near, focusInside, ref]);
  return (
    <div
      ref={ref}
      className={className}
      onFocus={() => {
        if (near) return;
        setFocusInside(true);
        show();
      }}
    >
      {near ? children : placeholder}
    </div>
  );
}
