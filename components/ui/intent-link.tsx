"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { ComponentProps } from "react";

/**
 * A link that fetches its page when the reader shows the intent to follow it — the pointer over
 * it, a finger on it, the keyboard on it — instead of as soon as it is on the screen. With
 * Next's default every visible link is fetched and decoded while the page loads: about twenty
 * pages for the header, the language switch and a lesson list, which kept a phone's main thread
 * busy in the seconds Lighthouse measures (decision 019). Every link in the app is one of these
 * (a unit test checks that nothing else imports next/link).
 */
export function IntentLink({ href, onPointerEnter, onFocus, onTouchStart, ...rest }: Omit<ComponentProps<typeof Link>, "href" | "prefetch"> & { href: string }) {
  const router = useRouter();
  const warm = () => router.prefetch(href);
  return (
    <Link
      {...rest}
      href={href}
      prefetch={false}
      onPointerEnter={(e) => {
        warm();
        onPointerEnter?.(e);
      }}
      onFocus={(e) => {
        warm();
        onFocus?.(e);
      }}
      onTouchStart={(e) => {
        warm();
        onTouchStart?.(e);
      }}
    />
  );
}
