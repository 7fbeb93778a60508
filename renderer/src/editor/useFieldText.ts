import { useAppStore } from '../store';

export interface FieldBinding {
  text: string;
  setText: (value: string) => void;
  /** Sends queued edits now (on blur). */
  flush: () => void;
  /** A 已定稿 draft is locked by the store; the inputs say so instead of failing on save. */
  readOnly: boolean;
}

/** The field's value as text, and a setter that queues it for autosave. */
export function useFieldText(fieldId: string): FieldBinding {
  const value = useAppStore((s) => s.current?.draft.values[fieldId]);
  const readOnly = useAppStore((s) => s.current?.draft.status === 'final');
  const setField = useAppStore((s) => s.setField);
  const flushSave = useAppStore((s) => s.flushSave);
  const text = typeof value === 'string' ? value : value == null ? '' : String(value);
  return { text, setText: (next) => setField(fieldId, next), flush: () => void flushSave(), readOnly };
}
