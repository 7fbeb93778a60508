import { Input } from 'antd';
import type { FormatKind } from '../../../shared/checks/formats';
import type { Field } from '../../../shared/pack/fields';
import { useFieldHasError } from './FieldResults';
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

export function TextFieldInput({ field, onBlur }: { field: TextField; onBlur: () => void }) {
  const { value, set, readOnly } = useFieldValue(field.id);
  const text = textOf(value);
  // The problem itself is listed under the field from the one result list (FieldResults).
  const problem = useFieldHasError(field.id);
  return (
    <>
      <Input
        id={inputIdOf(field.id)}
        value={text}
        placeholder={field.placeholder ?? (field.format ? FORMAT_HINTS[field.format] : undefined)}
        maxLength={field.maxChars}
        showCount={field.maxChars !== undefined}
        status={problem ? 'error' : undefined}
        aria-invalid={problem}
        readOnly={readOnly || field.derived}
        onChange={(e) => set(e.target.value)}
        onBlur={onBlur}
      />
    </>
  );
}
