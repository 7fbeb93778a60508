import { useAppStore } from '../store';

/** The field's value as text, and a setter that queues it for autosave. */
export function useFieldText(fieldId: string): [string, (value: string) => void, () => void] {
  const value = useAppStore((s) => s.current?.draft.values[fieldId]);
  const setField = useAppStore((s) => s.setField);
  const flushSave = useAppStore((s) => s.flushSave);
  const text = typeof value === 'string' ? value : value == null ? '' : String(value);
  return [text, (next) => setField(fieldId, next), () => void flushSave()];
}
