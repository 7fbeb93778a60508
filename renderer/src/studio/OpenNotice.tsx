import { FileTextOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Space, Typography } from 'antd';
import { useRef, useState, type ChangeEvent } from 'react';

interface Props {
  busy: boolean;
  error: string | null;
  onFile: (file: File) => void;
  onText: (text: string) => void;
}

/** The studio's first step: choose the notice file (.txt/.docx/.pdf) or paste its text. */
export function OpenNotice({ busy, error, onFile, onText }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');

  const onChange = (event: ChangeEvent<HTMLInputElement>): void => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) onFile(file);
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Paragraph>
        打开本年度的申报通知，工作台按通知自己的编号把它分成条款，逐句提出可检查的规则（每条附原文引文和理由）。您逐条接受、修改或拒绝，处理没有识别出的要求，然后保存为一个指南包，就可以在「新建申报书」中使用。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon message="无法读取通知" description={error} />}
      <Card title="打开通知文件">
        <Space direction="vertical">
          <Button type="primary" icon={<FileTextOutlined />} loading={busy} onClick={() => input.current?.click()}>
            选择通知文件
          </Button>
          <Typography.Text type="secondary">支持纯文本、Word（.docx）和文字版 PDF 文件，以及用命令行生成的指南草稿文件；扫描件 PDF 没有文字，无法读取。</Typography.Text>
          <input ref={input} type="file" accept=".txt,.docx,.pdf,.json" aria-label="选择通知文件" hidden onChange={onChange} />
        </Space>
      </Card>
      <Card title="或粘贴通知原文">
        <Space direction="vertical" style={{ width: '100%' }}>
          <Input.TextArea aria-label="通知原文" rows={10} value={text} onChange={(e) => setText(e.target.value)} placeholder="把通知全文粘贴到这里" />
          <Button disabled={text.trim() === ''} loading={busy} onClick={() => onText(text)}>
            读取粘贴的文字
          </Button>
        </Space>
      </Card>
    </Space>
  );
}
