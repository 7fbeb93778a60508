import { Input } from 'antd';
import { useEffect, useState } from 'react';
import { formatYuanAsWan, parseWanToYuan } from '../../../shared/money';
import type { FieldValue } from '../../../shared/model/draft';
import { scalarShapeProblem } from '../../../shared/checks/valueShape';
import { valueLabel, yuanOf } from '../../../shared/rules/access';

interface Props {
  id?: string;
  ariaLabel?: string;
  /** Integer yuan, or null/undefined when blank. */
  value: FieldValue | undefined;
  onChange: (yuan: number | null) => void;
  onBlur?: () => void;
  readOnly?: boolean;
}

/**
 * The stored yuan in 万元. What is not an amount (「1,700,000」 from a draft file another tool wrote)
 * is shown as it is, in red with the form's error under it, never as a blank that looks unfilled.
 */
function shown(value: FieldValue | undefined): string {
  if (value === null || value === undefined || value === false) return '';
  if (unreadable(value)) return typeof value === 'number' ? `${value}元` : valueLabel(value);
  const yuan = yuanOf(value);
  return yuan === null ? '' : formatYuanAsWan(yuan);
}

/** The form's own test of a money value (valueShape), so the input turns red exactly where 形式审查 reports it. */
const unreadable = (value: FieldValue | undefined): boolean => value !== false && scalarShapeProblem('money', value, undefined) !== null;

/**
 * An amount in 万元 with up to 4 decimals, stored as integer yuan. The text being typed is kept as
 * typed (「12.」 stays) and only a valid amount is stored; anything else is flagged, not rounded.
 */
export function MoneyInput({ id, ariaLabel, value, onChange, onBlur, readOnly }: Props) {
  const [text, setText] = useState(shown(value));
  // The stored value itself may be no amount (「1,700,000」 written by another tool): red until retyped, even where the text would parse as 万元.
  const invalid = (text.trim() !== '' && parseWanToYuan(text) === null) || unreadable(value);

  // Follow changes from elsewhere (undo, another field) unless they are what the text already says.
  useEffect(() => {
    const stored = typeof value === 'number' ? value : null;
    setText((t) => ((t.trim() === '' ? null : parseWanToYuan(t)) === stored ? t : shown(value)));
  }, [value]);

  return (
    <Input
      id={id}
      aria-label={ariaLabel}
      value={text}
      inputMode="decimal"
      suffix="万元"
      status={invalid ? 'error' : undefined}
      title={invalid ? '请输入金额（万元），最多 4 位小数' : undefined}
      aria-invalid={invalid}
      readOnly={readOnly}
      onChange={(e) => {
        const next = e.target.value;
        setText(next);
        if (next.trim() === '') onChange(null);
        else {
          const yuan = parseWanToYuan(next);
          if (yuan !== null) onChange(yuan);
        }
      }}
      onBlur={onBlur}
    />
  );
}
