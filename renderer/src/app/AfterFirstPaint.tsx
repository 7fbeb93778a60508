import { startTransition, useEffect, useState, type ReactNode } from 'react';

/**
 * False until the frame holding the component's first render has been painted, then true, set as
 * a transition (its render yields to typing and clicks).
 */
export function usePaintedOnce(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let timer: number | undefined;
    // A frame callback runs just before that frame is painted; a task queued from it runs after.
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => startTransition(() => setPainted(true)), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) window.clearTimeout(timer);
    };
  }, []);
  return painted;
}

/**
 * Draws its children one frame after the rest of the screen: for side columns that cost as much to
 * draw as the main content, so the content a user starts with is on screen (and takes input) first.
 * Until then nothing is shown in their place, never a stale or guessed state.
 */
export function AfterFirstPaint({ children }: { children: ReactNode }) {
  return usePaintedOnce() ? children : null;
}
