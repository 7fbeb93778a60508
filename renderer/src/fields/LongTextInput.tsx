import { Input, Typography } from 'antd';
import type { Field } from '../../../shared/pack/fields';
import { wordCount } from '../../../shared/text/wordCount';
import { inputIdOf, textOf, useFieldValue } from './useFieldValue';

type LongTextField = Extract<Field, { kind: 'longText' }>;

/** Narrative text with a live 字数 (counted like Word) against the limit. */
export function LongTextInput({ field, onBlur }: { field: LongTextField; onBlur: () => void }) {
  const { value, set, readOnly } = useFieldValue(field.id);
  const text = textOf(value);
  const count = wordCount(text);
  const over = field.maxChars !== undefined && count > field.maxChars;
  return (
    <>
      <Input.TextArea
        id={inputIdOf(field.id)}
        value={text}
        // Fixed rows: antd's autoSize measures with an inline style attribute, which the CSP blocks.
        rows={field.maxChars !== undefined && field.maxChars <= 1000 ? 6 : 12}
        placeholder={field.placeholder}
        status={over ? 'error' : undefined}
        readOnly={readOnly}
        onChange={(e) => set(e.target.value)}
        onBlur={onBlur}
      />
      <Typography.Text type={over ? 'danger' : 'secondary'} className="word-count" aria-live="polite">
        字数：{count}
        {field.maxChars !== undefined ? ` / ${field.maxChars}` : ''}
      </Typography.Text>
      {over && (
        <Typography.Text type="danger" className="word-count-over">
          {`已超出 ${count - (field.maxChars ?? 0)} 字，请精简到 ${field.maxChars} 字以内`}
        </Typography.Text>
      )}
    </>
  );
}
