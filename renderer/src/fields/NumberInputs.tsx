import { Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { Field } from '../../../shared/pack/fields';
import { MoneyInput } from './MoneyInput';
import { inputIdOf, useFieldValue } from './useFieldValue';

type MoneyField = Extract<Field, { kind: 'money' }>;
type IntegerField = Extract<Field, { kind: 'integer' }>;

const INTEGER = /^-?\d{1,15}$/;

export function MoneyFieldInput({ field, onBlur }: { field: MoneyField; onBlur: () => void }) {
  const { value, set, readOnly } = useFieldValue(field.id);
  return <MoneyInput id={inputIdOf(field.id)} value={value} onChange={set} onBlur={onBlur} readOnly={readOnly || field.derived} />;
}

/** A value that is no number (「3人」 from a draft file another tool wrote) is shown as it is, in red, not as a blank. */
const storedText = (value: unknown): string => (typeof value === 'number' || typeof value === 'string' ? String(value) : '');

/** Whole numbers only; text that is not one is flagged and not stored. */
export function IntegerInput({ id, ariaLabel, value, onChange, onBlur, readOnly, unit }: {
  id?: string;
  ariaLabel?: string;
  value: unknown;
  onChange: (n: number | null) => void;
  onBlur?: () => void;
  readOnly?: boolean;
  unit?: string;
}) {
  const [text, setText] = useState(storedText(value));
  useEffect(() => {
    // Follow changes from elsewhere (undo) unless they are what the text already says.
    const stored = typeof value === 'number' ? value : null;
    setText((t) => {
      const typed = INTEGER.test(t.trim()) ? Number(t.trim()) : null;
      if (typed === stored && typeof value !== 'string') return t;
      return storedText(value);
    });
  }, [value]);
  const invalid = text.trim() !== '' && !INTEGER.test(text.trim());
  return (
    <Input
      id={id}
      aria-label={ariaLabel}
      value={text}
      inputMode="numeric"
      suffix={unit}
      status={invalid ? 'error' : undefined}
      title={invalid ? '请输入整数' : undefined}
      readOnly={readOnly}
      onChange={(e) => {
        const next = e.target.value;
        setText(next);
        if (next.trim() === '') onChange(null);
        else if (INTEGER.test(next.trim())) onChange(Number(next.trim()));
      }}
      onBlur={onBlur}
    />
  );
}

export function IntegerFieldInput({ field, onBlur }: { field: IntegerField; onBlur: () => void }) {
  const { value, set, readOnly } = useFieldValue(field.id);
  const outOfRange = typeof value === 'number' && ((field.min !== undefined && value < field.min) || (field.max !== undefined && value > field.max));
  return (
    <>
      <IntegerInput id={inputIdOf(field.id)} value={value} onChange={set} onBlur={onBlur} readOnly={readOnly || field.derived} unit={field.unit} />
      {outOfRange && (
        <Typography.Text type="danger">
          应在 {field.min ?? '—'} 到 {field.max ?? '—'} 之间
        </Typography.Text>
      )}
    </>
  );
}
