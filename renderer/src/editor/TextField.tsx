import { Form, Input, type InputProps } from 'antd';
import { useFieldText } from './useFieldText';

interface Props {
  fieldId: string;
  label: string;
  placeholder?: string;
  maxLength?: number;
  inputMode?: InputProps['inputMode'];
}

/** A one-line field bound to draft.values; saving is debounced, and forced when focus leaves. */
export function TextField({ fieldId, label, placeholder, maxLength, inputMode }: Props) {
  const { text, setText, flush, readOnly } = useFieldText(fieldId);
  const inputId = `field-${fieldId.replace(/\./g, '-')}`;
  return (
    <Form.Item label={label} htmlFor={inputId}>
      <Input
        id={inputId}
        value={text}
        placeholder={placeholder}
        maxLength={maxLength}
        inputMode={inputMode}
        onChange={(e) => setText(e.target.value)}
        onBlur={flush}
        readOnly={readOnly}
      />
    </Form.Item>
  );
}
