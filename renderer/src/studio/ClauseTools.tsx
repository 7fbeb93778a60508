import { Button, Popconfirm, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import type { NoticeClause } from '../../../shared/studio/outline';
import { splitPoints } from '../../../shared/studio/outlineEdits';

const SHOWN = 16;
const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();
const tail = (text: string): string => (text.length > SHOWN ? `…${text.slice(-SHOWN)}` : text);
const head = (text: string): string => (text.length > SHOWN ? `${text.slice(0, SHOWN)}…` : text);

interface Props {
  clause: NoticeClause;
  next: NoticeClause | undefined;
  onMerge: () => void;
  onSplit: (offset: number) => void;
}

/** 与下一条合并 and 在此处拆分 (at a sentence end the user picks) for one clause of the notice. */
export function ClauseTools({ clause, next, onMerge, onSplit }: Props) {
  const points = splitPoints(clause);
  const [splitting, setSplitting] = useState(false);
  const [at, setAt] = useState<number | null>(null);
  const label = clause.path || '（通知开头）';
  return (
    <Space direction="vertical" size="small">
      <Space wrap>
        <Popconfirm
          title="与下一条合并？"
          description={next ? `把下一条「${head(oneLine(next.text))}」并入本条，规则建议将按合并后的条款重新生成。` : ''}
          okText="合并"
          cancelText="取消"
          disabled={!next}
          onConfirm={onMerge}
        >
          <Button size="small" disabled={!next} aria-label={`与下一条合并：${label}`}>
            与下一条合并
          </Button>
        </Popconfirm>
        <Button size="small" disabled={points.length === 0} aria-label={`在此处拆分：${label}`} onClick={() => setSplitting((v) => !v)}>
          在此处拆分
        </Button>
        {points.length === 0 && <Typography.Text type="secondary">本条只有一句，无处可拆分</Typography.Text>}
      </Space>
      {splitting && (
        <Space direction="vertical" size="small" role="group" aria-label={`拆分位置：${label}`}>
          <Typography.Text>选择拆分位置（在这一句之后另起一条）：</Typography.Text>
          <Radio.Group value={at} onChange={(e) => setAt(e.target.value as number)}>
            <Space direction="vertical" size={0}>
              {points.map((offset) => {
                const cut = offset - clause.start;
                return (
                  <Radio key={offset} value={offset}>
                    {`「${tail(oneLine(clause.text.slice(0, cut)))}」之后，「${head(oneLine(clause.text.slice(cut)))}」另起一条`}
                  </Radio>
                );
              })}
            </Space>
          </Radio.Group>
          <Space>
            <Button
              size="small"
              type="primary"
              disabled={at === null}
              onClick={() => {
                if (at === null) return;
                onSplit(at);
                setSplitting(false);
                setAt(null);
              }}
            >
              拆分
            </Button>
            <Button size="small" onClick={() => setSplitting(false)}>
              取消
            </Button>
          </Space>
        </Space>
      )}
    </Space>
  );
}
