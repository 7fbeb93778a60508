import type { Editor } from '@tiptap/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { RichDocSchema, parseRichValue, richToPlainText, serializeRichDoc, type RichDoc } from '../../../shared/richtext';
import { wordCount } from '../../../shared/text/wordCount';
import { useAppStore } from '../store';

/** Long enough that a burst of typing costs one serialization, short enough that 字数 feels live. */
const COMMIT_DELAY_MS = 250;

export interface RichBinding {
  /** The stored value when the field mounted, as a doc for the editor. */
  initialDoc: RichDoc;
  /** The stored value now (changes when a revision is restored or the draft reloads). */
  storedValue: unknown;
  wordCount: number;
  readOnly: boolean;
  /** Call on every editor update; serializes and queues the value for autosave, debounced. */
  scheduleCommit: (editor: Editor) => void;
  /** Commits now and asks the store to save (on blur). */
  flush: (editor: Editor) => void;
  /** True when `value` is what this field last wrote, i.e. not an outside change to load. */
  isOwnValue: (value: unknown) => boolean;
  /** Resets the count after loading an outside value. */
  adopt: (doc: RichDoc) => void;
}

function countOf(doc: RichDoc): number {
  return wordCount(richToPlainText(doc));
}

export function useRichBinding(fieldId: string): RichBinding {
  const storedValue = useAppStore((s) => s.current?.draft.values[fieldId]);
  const readOnly = useAppStore((s) => s.current?.draft.status === 'final');
  const [initialDoc] = useState(() => parseRichValue(storedValue));
  const [count, setCount] = useState(() => countOf(initialDoc));
  const lastWritten = useRef<unknown>(storedValue);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const dirtyEditor = useRef<Editor | null>(null);

  const commit = useCallback(
    (editor: Editor) => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      dirtyEditor.current = null;
      // A destroyed editor still holds its last state, so the final keystrokes are read after unmount too.
      const parsed = RichDocSchema.safeParse(editor.getJSON());
      // The extensions match the schema, so this only fails on a bug; the text must still be kept.
      const doc = parsed.success ? parsed.data : parseRichValue(editor.getText({ blockSeparator: '\n' }));
      const value = serializeRichDoc(doc);
      setCount(countOf(doc));
      if (value === lastWritten.current) return;
      lastWritten.current = value;
      useAppStore.getState().setField(fieldId, value);
    },
    [fieldId],
  );

  const scheduleCommit = useCallback(
    (editor: Editor) => {
      dirtyEditor.current = editor;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => commit(editor), COMMIT_DELAY_MS);
    },
    [commit],
  );

  const flush = useCallback(
    (editor: Editor) => {
      if (dirtyEditor.current) commit(editor);
      void useAppStore.getState().flushSave();
    },
    [commit],
  );

  // Leaving the section (unmount) must not drop the last keystrokes still waiting for the debounce.
  useEffect(
    () => () => {
      const editor = dirtyEditor.current;
      if (editor) commit(editor);
    },
    [commit],
  );

  return {
    initialDoc,
    storedValue,
    wordCount: count,
    readOnly,
    scheduleCommit,
    flush,
    isOwnValue: (value) => value === lastWritten.current,
    adopt: (doc) => {
      lastWritten.current = serializeRichDoc(doc);
      setCount(countOf(doc));
    },
  };
}
