import { Alert, Descriptions, Typography } from 'antd';
import type { FieldChange } from './compareDrafts';
import { DiffText } from './DiffText';

const empty = (text: string) => (text === '' ? <Typography.Text type="secondary">（空）</Typography.Text> : text);

/** What restoring would change: each differing field, 此版本 (old) against 当前 (new). */
export function CompareView({ changes, revision }: { changes: FieldChange[]; revision: number }) {
  if (changes.length === 0) return <Alert type="success" showIcon message={`第 ${revision} 版与当前内容相同，恢复不会改变任何内容`} />;
  return (
    <div data-testid="revision-compare">
      <Typography.Paragraph type="secondary">
        下面是第 {revision} 版与当前内容不同的 {changes.length} 项。<del className="diff-delete">删除线</del>
        是第 {revision} 版才有的文字，<ins className="diff-insert">下划线</ins>是当前才有的文字。
      </Typography.Paragraph>
      <Descriptions size="small" bordered column={1} styles={{ label: { width: 150 } }}>
        {changes.map((c) => (
          <Descriptions.Item key={c.id} label={c.label}>
            <div data-change={c.id}>
              {c.narrative ? (
                <DiffText before={c.before} after={c.after} />
              ) : (
                <span className="diff-pair">
                  <span className="diff-old">{empty(c.before)}</span>
                  <span className="diff-arrow"> → </span>
                  <span className="diff-new">{empty(c.after)}</span>
                </span>
              )}
            </div>
          </Descriptions.Item>
        ))}
      </Descriptions>
    </div>
  );
}
