"use client";
import { useEffect, useRef, useState } from "react";

/**
 * Tells the server the lesson was opened, and again when its end scrolls into view, so
 * progress is recorded for guests and signed-in learners alike.
 */
export function LessonTracker({ lesson, label }: { lesson: string; label: string }) {
  const end = useRef<HTMLDivElement>(null);
  const [read, setRead] = useState(false);
  useEffect(() => {
    const send = (event: "started" | "read") =>
      fetch("/api/progress", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ lesson, event }) }).catch(() => {});
    void send("started");
    const el = end.current;
    if (!el || typeof IntersectionObserver === "undefined") return;
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        io.disconnect();
        setRead(true);
        void send("read");
      }
    });
    io.observe(el);
    return () => io.disconnect();
  }, [lesson]);
  return (
    <div ref={end} className="meta" data-lesson-end>
      {read ? `✓ ${label}` : ""}
    </div>
  );
}
