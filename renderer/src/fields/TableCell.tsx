import { Input, Select } from 'antd';
import type { FieldValue } from '../../../shared/model/draft';
import type { Column } from '../../../shared/pack/fields';
import { DateInput } from './DateInputs';
import { MoneyInput } from './MoneyInput';
import { IntegerInput } from './NumberInputs';
import { FORMAT_LABELS } from '../../../shared/checks/formats';
import { cellSatisfies } from '../../../shared/rules/kinds/tables';
import { textOf } from './useFieldValue';

interface Props {
  column: Column;
  /** Names the cell for screen readers and tests: 「姓名（第2行）」. */
  ariaLabel: string;
  value: FieldValue | undefined;
  onChange: (value: FieldValue) => void;
  onBlur: () => void;
  readOnly: boolean;
}

const FORMAT_OF = { idNumber: 'idNumber', uscc: 'uscc', phone: 'phone' } as const;

/** One typed cell of a table row. */
export function TableCell({ column, ariaLabel, value, onChange, onBlur, readOnly }: Props) {
  switch (column.kind) {
    case 'money':
      return <MoneyInput ariaLabel={ariaLabel} value={value} onChange={onChange} onBlur={onBlur} readOnly={readOnly} />;
    case 'integer':
      return <IntegerInput ariaLabel={ariaLabel} value={value} onChange={onChange} onBlur={onBlur} readOnly={readOnly} />;
    case 'date':
      return <DateInput ariaLabel={ariaLabel} value={value} onChange={onChange} onBlur={onBlur} readOnly={readOnly} />;
    case 'month':
      return <DateInput ariaLabel={ariaLabel} picker="month" value={value} onChange={onChange} onBlur={onBlur} readOnly={readOnly} />;
    case 'select':
      return (
        <Select
          aria-label={ariaLabel}
          className="table-cell-select"
          value={textOf(value) === '' ? undefined : textOf(value)}
          options={column.options ?? []}
          allowClear
          showSearch
          optionFilterProp="label"
          disabled={readOnly}
          onChange={(v: string | undefined) => onChange(v ?? null)}
          onBlur={onBlur}
        />
      );
    case 'longText':
      return <Input.TextArea aria-label={ariaLabel} rows={2} value={textOf(value)} readOnly={readOnly} onChange={(e) => onChange(e.target.value)} onBlur={onBlur} />;
    default: {
      const format = column.kind === 'text' ? undefined : FORMAT_OF[column.kind];
      // The same cell check the column rule runs (the rule lists the row and column in 问题清单).
      const problem = format && !cellSatisfies(value, { format }) ? `${FORMAT_LABELS[format]}格式不正确` : null;
      return (
        <Input
          aria-label={ariaLabel}
          value={textOf(value)}
          status={problem ? 'error' : undefined}
          title={problem ?? undefined}
          readOnly={readOnly}
          onChange={(e) => onChange(e.target.value)}
          onBlur={onBlur}
        />
      );
    }
  }
}
