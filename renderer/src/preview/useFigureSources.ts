import { useEffect, useState } from 'react';
import type { Book } from '../../../shared/book/ast';
import { attachmentDataUrl } from '../richtext/attachmentImages';

/** data: URLs of the book's figures, fetched once each; until one arrives its figure shows a placeholder. */
export function useFigureSources(book: Book | null): ReadonlyMap<string, string> {
  const [sources, setSources] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    if (!book) return;
    let live = true;
    const wanted = [...new Set(book.blocks.flatMap((b) => (b.type === 'figure' ? [b.sha256] : [])))].filter((sha) => !sources.has(sha));
    for (const sha of wanted) {
      attachmentDataUrl(sha)
        .then((url) => {
          if (live) setSources((prev) => new Map(prev).set(sha, url));
        })
        .catch(() => undefined);
    }
    return () => {
      live = false;
    };
  }, [book, sources]);
  return sources;
}
