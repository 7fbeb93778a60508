import { DatePicker, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import type { FieldValue } from '../../../shared/model/draft';
import type { Field } from '../../../shared/pack/fields';
import { monthRangeOf, periodMonths } from '../../../shared/derive/period';
import { inputIdOf, useFieldValue } from './useFieldValue';

const DATE = 'YYYY-MM-DD';
const MONTH = 'YYYY-MM';

const dayOf = (text: FieldValue | undefined, format: string) => (typeof text === 'string' && dayjs(text, format, true).isValid() ? dayjs(text, format) : null);

/** A calendar date, stored as `YYYY-MM-DD`; typing the date and Enter works as well as the picker. */
export function DateInput({ id, ariaLabel, value, onChange, onBlur, readOnly, picker }: {
  id?: string;
  ariaLabel?: string;
  value: FieldValue | undefined;
  onChange: (text: string | null) => void;
  onBlur?: () => void;
  readOnly?: boolean;
  picker?: 'month';
}) {
  const format = picker === 'month' ? MONTH : DATE;
  const day = dayOf(value, format);
  // A stored text that is no date (「2020/3/1」 from another tool's draft file) cannot be shown by the picker: it turns red, and the form's error under it quotes the text.
  const unreadable = day === null && typeof value === 'string' && value.trim() !== '';
  return (
    <DatePicker
      id={id}
      aria-label={ariaLabel}
      picker={picker}
      format={format}
      value={day}
      status={unreadable ? 'error' : undefined}
      placeholder={picker === 'month' ? '年-月' : '年-月-日'}
      inputReadOnly={readOnly}
      disabled={readOnly}
      onChange={(d) => onChange(d ? d.format(format) : null)}
      onBlur={onBlur}
    />
  );
}

export function DateFieldInput({ field, onBlur }: { field: Extract<Field, { kind: 'date' }>; onBlur: () => void }) {
  const { value, set, readOnly } = useFieldValue(field.id);
  if (field.derived) {
    return (
      <Typography.Text id={inputIdOf(field.id)} className="derived-value" tabIndex={0}>
        {typeof value === 'string' && value !== '' ? value : '（根据身份证号码自动填写）'}
      </Typography.Text>
    );
  }
  return <DateInput id={inputIdOf(field.id)} value={value} onChange={set} onBlur={onBlur} readOnly={readOnly} />;
}

/** 起止年月: two months; the period in months (counting both ends) is shown beside it. */
export function MonthRangeInput({ field, onBlur }: { field: Extract<Field, { kind: 'monthRange' }>; onBlur: () => void }) {
  const { value, set, readOnly } = useFieldValue(field.id);
  const parts = Array.isArray(value) ? value : [];
  const start = parts[0] ?? '';
  const end = parts[1] ?? '';
  const months = periodMonths(value);
  const reversed = monthRangeOf(value) !== null && months !== null && months < 1;
  const update = (nextStart: string, nextEnd: string): void => set(nextStart === '' && nextEnd === '' ? null : [nextStart, nextEnd]);
  return (
    <Space wrap>
      <DateInput id={inputIdOf(field.id)} ariaLabel={`${field.label}（开始年月）`} picker="month" value={start} onChange={(m) => update(m ?? '', end)} onBlur={onBlur} readOnly={readOnly} />
      <span>至</span>
      <DateInput ariaLabel={`${field.label}（结束年月）`} picker="month" value={end} onChange={(m) => update(start, m ?? '')} onBlur={onBlur} readOnly={readOnly} />
      <Typography.Text type={reversed ? 'danger' : 'secondary'} data-derived="periodMonths">
        {months === null ? '实施周期：待填写' : reversed ? '结束年月早于开始年月' : `实施周期：${months} 个月`}
      </Typography.Text>
    </Space>
  );
}
