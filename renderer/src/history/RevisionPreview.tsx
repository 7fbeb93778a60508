import { Descriptions, Empty, Typography } from 'antd';
import type { Draft } from '../../../shared/model/draft';
import type { ResolvedProgram } from '../../../shared/pack/resolve';
import { readableRevision } from './revisionValues';

interface Props {
  draft: Draft;
  resolved: ResolvedProgram | null;
}

/** A revision, read-only, as the values by section. */
export function RevisionPreview({ draft, resolved }: Props) {
  const sections = readableRevision(draft, resolved);
  if (sections.length === 0) return <Empty description="这一版还没有填写任何内容" />;
  return (
    <div className="revision-preview" data-testid="revision-preview">
      {sections.map((s) => (
        <section key={s.id}>
          <Typography.Title level={5}>{s.title}</Typography.Title>
          <Descriptions size="small" bordered column={1} styles={{ label: { width: 160 } }}>
            {s.entries.map((e) => (
              <Descriptions.Item key={e.id} label={e.label}>
                <Typography.Paragraph className="revision-value" ellipsis={{ rows: 4, expandable: true, symbol: '展开' }}>
                  {e.text}
                </Typography.Paragraph>
              </Descriptions.Item>
            ))}
          </Descriptions>
        </section>
      ))}
    </div>
  );
}
