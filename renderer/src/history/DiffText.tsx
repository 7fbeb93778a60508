import { useMemo } from 'react';
import { diffText } from '../../../shared/text/textDiff';

/** Inserted text underlined green, deleted text struck through red; plain React elements. */
export function DiffText({ before, after }: { before: string; after: string }) {
  const parts = useMemo(() => diffText(before, after), [before, after]);
  return (
    <div className="diff-text" data-testid="text-diff">
      {parts.map((p, i) =>
        p.op === 'insert' ? (
          <ins key={i} className="diff-insert">
            {p.text}
          </ins>
        ) : p.op === 'delete' ? (
          <del key={i} className="diff-delete">
            {p.text}
          </del>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </div>
  );
}
