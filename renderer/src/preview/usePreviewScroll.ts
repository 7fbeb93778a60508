import { useEffect, useRef, type RefObject } from 'react';

function scrollToSection(frame: HTMLIFrameElement | null, sectionId: string | null): boolean {
  const target = sectionId ? frame?.contentDocument?.getElementById(`section-${sectionId}`) : null;
  if (!target) return false;
  target.scrollIntoView({ block: 'start' });
  return true;
}

/**
 * Keeps the preview where the user is: after each reload of the srcdoc it scrolls to the section
 * being edited when that changed, and otherwise back to where the reader was.
 */
export function usePreviewScroll(frame: RefObject<HTMLIFrameElement | null>, sectionId: string | null): () => void {
  const scrollY = useRef(0);
  const shownSection = useRef<string | null>(null);

  useEffect(() => {
    if (shownSection.current !== sectionId && scrollToSection(frame.current, sectionId)) shownSection.current = sectionId;
  }, [frame, sectionId]);

  return () => {
    const win = frame.current?.contentWindow;
    if (!win) return;
    win.addEventListener('scroll', () => (scrollY.current = win.scrollY), { passive: true });
    if (shownSection.current !== sectionId && scrollToSection(frame.current, sectionId)) {
      shownSection.current = sectionId;
      return;
    }
    win.scrollTo(0, scrollY.current);
  };
}
