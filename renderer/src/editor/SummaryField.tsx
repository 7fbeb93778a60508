import { Form, Input, Typography } from 'antd';
import { wordCount } from '../../../shared/text/wordCount';
import { useFieldText } from './useFieldText';

interface Props {
  fieldId: string;
  label: string;
  /** In Word 字数, as guidelines state limits. */
  limit: number;
}

export function SummaryField({ fieldId, label, limit }: Props) {
  const { text, setText, flush, readOnly } = useFieldText(fieldId);
  const inputId = `field-${fieldId.replace(/\./g, '-')}`;
  const count = wordCount(text);
  const over = count > limit;
  return (
    <Form.Item
      label={label}
      htmlFor={inputId}
      validateStatus={over ? 'error' : undefined}
      help={over ? `已超出 ${count - limit} 字，请精简到 ${limit} 字以内` : '字数按 Word 的规则统计：每个汉字或全角标点计 1 字，每个英文单词或连续数字计 1 字。'}
      extra={
        <Typography.Text type={over ? 'danger' : 'secondary'} className="word-count" aria-live="polite">
          字数：{count} / {limit}
        </Typography.Text>
      }
    >
      <Input.TextArea
        id={inputId}
        value={text}
        // Fixed rows: antd's autoSize measures with an inline style attribute, which the CSP blocks.
        rows={8}
        placeholder="简要说明项目的目标、主要研究内容和预期成果"
        onChange={(e) => setText(e.target.value)}
        onBlur={flush}
        readOnly={readOnly}
      />
    </Form.Item>
  );
}
