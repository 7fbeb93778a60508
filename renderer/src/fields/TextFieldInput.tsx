import { Input } from 'antd';
import { FORMAT_LABELS, checkFormat, type FormatKind } from '../../../shared/checks/formats';
import { idNumberProblem } from '../../../shared/checks/idNumber';
import type { Field } from '../../../shared/pack/fields';
import { inputIdOf, textOf, useFieldValue } from './useFieldValue';

type TextField = Extract<Field, { kind: 'text' }>;

/** What each format expects, shown before anything is typed. */
export const FORMAT_HINTS: Record<FormatKind, string> = {
  uscc: '18 位，数字或大写字母（不含 I、O、Z、S、V），最后一位为校验码',
  idNumber: '18 位居民身份证号码，最后一位可为 X；性别和出生日期将自动填写',
  phone: '座机请带区号，如 0931-8888888；也可填手机号',
  mobile: '11 位手机号码',
  email: '如 name@example.com',
  postcode: '6 位数字',
};

/** The format problem of a filled value, in Chinese, or null. */
export function formatProblem(format: FormatKind, text: string): string | null {
  if (text.trim() === '' || checkFormat(format, text)) return null;
  if (format === 'idNumber') return `居民身份证号码${idNumberProblem(text) ?? '格式不正确'}`;
  return `${FORMAT_LABELS[format]}格式不正确`;
}

export function TextFieldInput({ field, onBlur }: { field: TextField; onBlur: () => void }) {
  const { value, set, readOnly } = useFieldValue(field.id);
  const text = textOf(value);
  const problem = field.format ? formatProblem(field.format, text) : null;
  return (
    <>
      <Input
        id={inputIdOf(field.id)}
        value={text}
        placeholder={field.placeholder ?? (field.format ? FORMAT_HINTS[field.format] : undefined)}
        maxLength={field.maxChars}
        showCount={field.maxChars !== undefined}
        status={problem ? 'error' : undefined}
        aria-invalid={problem !== null}
        readOnly={readOnly || field.derived}
        onChange={(e) => set(e.target.value)}
        onBlur={onBlur}
      />
      {problem && <div className="field-format-problem">{problem}</div>}
    </>
  );
}
