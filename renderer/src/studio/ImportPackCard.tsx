import { ImportOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Typography } from 'antd';
import { useRef, useState, type ChangeEvent } from 'react';
import type { GuidelineSummary } from '../../../shared/ipc/domains/schemas';
import { call, errorMessage } from '../api/client';
import { readTextFile } from '../app/readTextFile';

type Picked = { name: string; text: string } | null;

function Picker({ label, accept, picked, onPick }: { label: string; accept: string; picked: Picked; onPick: (file: File) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const onChange = (event: ChangeEvent<HTMLInputElement>): void => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) onPick(file);
  };
  return (
    <Space>
      <Button onClick={() => input.current?.click()}>{label}</Button>
      <Typography.Text type={picked ? undefined : 'secondary'}>{picked ? picked.name : '未选择'}</Typography.Text>
      <input ref={input} type="file" accept={accept} aria-label={label} hidden onChange={onChange} />
    </Space>
  );
}

/**
 * 导入指南包: a pack.json and its notice text (as the studio exports them, or as shared by
 * someone else) installed through the same checks as `shenbao guidelines import`.
 */
export function ImportPackCard() {
  const [pack, setPack] = useState<Picked>(null);
  const [source, setSource] = useState<Picked>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [installed, setInstalled] = useState<GuidelineSummary | null>(null);

  const pick = (set: (p: Picked) => void) => (file: File) => {
    // Cleared until the new file is read, so 导入 never sends the previous one.
    set(null);
    setError(null);
    setInstalled(null);
    readTextFile(file).then(
      (text) => set({ name: file.name, text }),
      (e: unknown) => {
        set(null);
        setError(`${file.name}：${e instanceof Error ? e.message : '读取文件失败'}`);
      },
    );
  };

  const submit = async (): Promise<void> => {
    if (!pack || !source) return;
    setBusy(true);
    setError(null);
    setInstalled(null);
    try {
      setInstalled(await call('guidelinesImport', { packJson: pack.text, sourceText: source.text }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="导入指南包">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          选择指南包文件和它引用的通知原文文件，例如本工作台「导出指南包文件」「导出通知原文」得到的两个文件。导入前做与保存时相同的检查，有问题时不安装任何内容。
        </Typography.Text>
        <Picker label="选择指南包文件" accept=".json" picked={pack} onPick={pick(setPack)} />
        <Picker label="选择通知原文文件" accept=".txt" picked={source} onPick={pick(setSource)} />
        <Button type="primary" icon={<ImportOutlined />} disabled={!pack || !source || busy} loading={busy} onClick={() => void submit()}>
          导入指南包
        </Button>
        {error && <Alert type="error" showIcon message="指南包未导入" description={error} />}
        {installed && (
          <Alert
            type="success"
            showIcon
            message={`已导入指南包「${installed.title}」（编号 ${installed.id}，${installed.version} 版）`}
            description={
              <span>
                现在可以在 <a href="#/new">新建申报书</a> 中选择它。
              </span>
            }
          />
        )}
      </Space>
    </Card>
  );
}
