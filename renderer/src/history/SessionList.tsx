import { DiffOutlined, TagOutlined } from '@ant-design/icons';
import { Button, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { EditingSession, RevisionInfo } from '../../../shared/ipc/contract';
import { formatFileSize } from '../../../shared/text/fileSize';
import { formatLocalTime } from '../drafts/formatTime';
import { summarizeChanged, type FieldLabeler } from './fieldLabels';

interface Props {
  sessions: EditingSession[];
  current: number | undefined;
  labeler: FieldLabeler;
  onCompare: (revision: number) => void;
}

const clock = (iso: string) => formatLocalTime(iso).slice(11);

function RevisionRow({ r, current, onCompare }: { r: RevisionInfo; current: number | undefined; onCompare: (revision: number) => void }) {
  return (
    <div className="history-revision-row" data-revision={r.revision}>
      <Space wrap>
        <Typography.Text>第 {r.revision} 版</Typography.Text>
        <Typography.Text type="secondary">
          {formatLocalTime(r.savedAt)} · {formatFileSize(r.size)}
        </Typography.Text>
        {r.label && (
          <Tag icon={<TagOutlined />} color={r.labelAuto ? 'default' : 'blue'}>
            {r.label}
          </Tag>
        )}
        {r.revision === current ? (
          <Typography.Text type="secondary">当前版本</Typography.Text>
        ) : (
          <Button size="small" icon={<DiffOutlined />} onClick={() => onCompare(r.revision)}>
            与当前比较
          </Button>
        )}
      </Space>
    </div>
  );
}

/** Editing sessions, newest first: when, how many saves, which fields changed; each save is one click further. */
export function SessionList({ sessions, current, labeler, onCompare }: Props) {
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const named = sessions.flatMap((s) => s.revisions).filter((r) => r.label !== undefined);
  const toggle = (i: number) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (!next.delete(i)) next.add(i);
      return next;
    });

  return (
    <>
      {named.length > 0 && (
        <section className="history-named" data-testid="named-versions">
          <Typography.Title level={5}>命名的版本</Typography.Title>
          {named.map((r) => (
            <RevisionRow key={r.revision} r={r} current={current} onCompare={onCompare} />
          ))}
        </section>
      )}
      <Typography.Title level={5}>编辑记录</Typography.Title>
      <List
        dataSource={sessions}
        renderItem={(s, i) => {
          const newest = s.revisions[0]!;
          const open = expanded.has(i);
          return (
            <List.Item key={newest.revision} data-session={i} className="history-session">
              <div style={{ width: '100%' }}>
                <Space wrap>
                  <Typography.Text strong>
                    {formatLocalTime(s.startedAt)}
                    {s.endedAt !== s.startedAt && ` – ${clock(s.endedAt)}`}
                  </Typography.Text>
                  <Typography.Text type="secondary">保存 {s.revisions.length} 次</Typography.Text>
                  {newest.revision !== current && (
                    <Button size="small" icon={<DiffOutlined />} onClick={() => onCompare(newest.revision)}>
                      与当前比较
                    </Button>
                  )}
                  <Button size="small" type="link" onClick={() => toggle(i)}>
                    {open ? '收起' : '查看每次保存'}
                  </Button>
                </Space>
                <div className="history-session-changed" data-testid="session-changed">
                  {s.changed === null ? '这段编辑中有版本已损坏，无法列出改动' : `改动：${summarizeChanged(s.changed, labeler)}`}
                </div>
                {open && (
                  <div className="history-session-revisions">
                    {s.revisions.map((r) => (
                      <RevisionRow key={r.revision} r={r} current={current} onCompare={onCompare} />
                    ))}
                  </div>
                )}
              </div>
            </List.Item>
          );
        }}
      />
    </>
  );
}
