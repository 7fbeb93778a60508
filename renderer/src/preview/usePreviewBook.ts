import { useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Book } from '../../../shared/book/ast';
import { buildBook } from '../../../shared/book/build/index';
import { useAppStore } from '../store';

export const PREVIEW_DEBOUNCE_MS = 300;

/** The open draft as a book, rebuilt from the store's draft, pack and results once edits pause. */
export function usePreviewBook(): Book | null {
  const source = useAppStore(useShallow((s) => ({ current: s.current, pack: s.pack, results: s.results })));
  const settled = useDebouncedValue(source, PREVIEW_DEBOUNCE_MS);
  return useMemo(() => {
    const { current, pack, results } = settled;
    if (!current || !pack) return null;
    return buildBook({ draft: current.draft, pack, revision: current.revision, packHash: '', results, generatedAt: new Date().toISOString() });
  }, [settled]);
}

/** The value as it was `delayMs` after it last changed: the preview rebuilds once typing pauses. */
function useDebouncedValue<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}
