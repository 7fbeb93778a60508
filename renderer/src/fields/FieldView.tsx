import { Form } from 'antd';
import { memo } from 'react';
import type { Field } from '../../../shared/pack/fields';
import { lazyPart } from '../app/lazyPart';
import { useAppStore } from '../store';
import { MultiSelectInput, SelectFieldInput } from './ChoiceInputs';
import { DateFieldInput, MonthRangeInput } from './DateInputs';
import { FieldResults, useFieldResults } from './FieldResults';
import { LongTextInput } from './LongTextInput';
import { IntegerFieldInput, MoneyFieldInput } from './NumberInputs';
import { RatioGauges } from './RatioGauges';
import { RegionFieldInput } from './RegionInput';
import { TableField } from './TableField';
import { TextFieldInput } from './TextFieldInput';
import { inputIdOf } from './useFieldValue';

// The rich editor (TipTap/ProseMirror) is the largest library of the wizard: it loads with the first narrative field.
const RichTextField = lazyPart(() => import('../richtext/RichTextField').then((m) => m.RichTextField), '编辑器');

function Input({ field, onBlur }: { field: Field; onBlur: () => void }) {
  switch (field.kind) {
    case 'text':
      return <TextFieldInput field={field} onBlur={onBlur} />;
    case 'longText':
      return <LongTextInput field={field} onBlur={onBlur} />;
    case 'money':
      return <MoneyFieldInput field={field} onBlur={onBlur} />;
    case 'integer':
      return <IntegerFieldInput field={field} onBlur={onBlur} />;
    case 'date':
      return <DateFieldInput field={field} onBlur={onBlur} />;
    case 'monthRange':
      return <MonthRangeInput field={field} onBlur={onBlur} />;
    case 'select':
      return <SelectFieldInput field={field} onBlur={onBlur} />;
    case 'multiSelect':
      return <MultiSelectInput field={field} onBlur={onBlur} />;
    case 'region':
      return <RegionFieldInput field={field} onBlur={onBlur} />;
    case 'table':
      return (
        <>
          <TableField field={field} onBlur={onBlur} />
          {field.id === 'budget' && <RatioGauges />}
        </>
      );
  }
}

/**
 * One field from the pack: label, required mark, help, the input for its kind, and its rule results.
 * Memoized: each input reads its own value from the store, so an edit in one field re-renders
 * that field only, not every field of the section.
 */
export const FieldView = memo(function FieldView({ field }: { field: Field }) {
  const results = useFieldResults(field.id);
  const flushSave = useAppStore((s) => s.flushSave);
  if (field.kind === 'longText' && field.rich) {
    // The rich editor brings its own label, 字数 and serialization; results still show under it.
    return (
      <div className="field" data-field={field.id} data-kind="richText">
        <RichTextField fieldId={field.id} label={field.label} help={field.help} maxChars={field.maxChars} minChars={field.minChars} />
        <FieldResults results={results} />
      </div>
    );
  }
  const worst = results.some((r) => r.severity === 'error') ? 'error' : results.some((r) => r.severity === 'warning') ? 'warning' : undefined;
  return (
    <div className="field" data-field={field.id} data-kind={field.kind}>
      <Form.Item
        label={field.derived ? `${field.label}（自动填写）` : field.label}
        htmlFor={inputIdOf(field.id)}
        required={field.required}
        validateStatus={worst}
      >
        <Input field={field} onBlur={() => void flushSave()} />
        <FieldResults results={results} />
        {/* The help in antd's own extra style but not its `extra` prop: Form.Item measures that text's
            height in a layout effect and renders again, a forced layout per field as a section opens. */}
        {field.help && <div className="ant-form-item-extra">{field.help}</div>}
      </Form.Item>
    </div>
  );
});
