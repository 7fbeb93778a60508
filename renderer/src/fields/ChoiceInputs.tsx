import { Select, Typography } from 'antd';
import type { Field } from '../../../shared/pack/fields';
import { inputIdOf, textOf, useFieldValue } from './useFieldValue';

type SelectField = Extract<Field, { kind: 'select' }>;
type MultiSelectField = Extract<Field, { kind: 'multiSelect' }>;

export function SelectFieldInput({ field, onBlur }: { field: SelectField; onBlur: () => void }) {
  const { value, set, readOnly } = useFieldValue(field.id);
  const chosen = textOf(value);
  if (field.derived) {
    const label = field.options.find((o) => o.value === chosen)?.label;
    return (
      <Typography.Text id={inputIdOf(field.id)} className="derived-value" tabIndex={0}>
        {label ?? '（根据身份证号码自动填写）'}
      </Typography.Text>
    );
  }
  return (
    <Select
      id={inputIdOf(field.id)}
      className="field-select"
      value={chosen === '' ? undefined : chosen}
      options={field.options}
      placeholder="请选择"
      allowClear
      showSearch
      optionFilterProp="label"
      disabled={readOnly}
      onChange={(v: string | undefined) => set(v ?? null)}
      onBlur={onBlur}
    />
  );
}

export function MultiSelectInput({ field, onBlur }: { field: MultiSelectField; onBlur: () => void }) {
  const { value, set, readOnly } = useFieldValue(field.id);
  const chosen = Array.isArray(value) ? value : [];
  return (
    <Select
      id={inputIdOf(field.id)}
      className="field-select"
      mode="multiple"
      value={chosen}
      options={field.options}
      placeholder="可多选"
      maxCount={field.maxSelected}
      optionFilterProp="label"
      disabled={readOnly}
      onChange={(v: string[]) => set(v)}
      onBlur={onBlur}
    />
  );
}
