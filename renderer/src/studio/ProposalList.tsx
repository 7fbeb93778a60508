import { Button, Card, Descriptions, Empty, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { Severity } from '../../../shared/pack/rules';
import { KIND_NAMES, paramLabel, SEVERITY_NAMES } from '../../../shared/studio/kindNames';
import { paramLeaves } from '../../../shared/studio/paramLeaves';
import type { StudioEdits } from '../../../shared/studio/studioEdits';
import type { StudioDraftFile } from '../../../shared/studio/studioFile';
import type { Proposal } from '../../../shared/studio/types';
import { ClauseToolsFor, OutlineBar } from './ClauseList';
import { fieldNamesOf, paramText, type FieldNames } from './fieldNames';
import { ProposalEditModal } from './ProposalEditModal';
import type { Studio } from './useStudio';

const SEVERITY_COLOR: Record<Severity, string> = { error: 'red', warning: 'orange', info: 'blue' };

function ProposalCard({ proposal, decision, names, onDecide, onEdit }: { proposal: Proposal; decision: StudioEdits['proposals'][string] | undefined; names: FieldNames; onDecide: Studio['decide']; onEdit: () => void }) {
  const params = decision?.params ?? proposal.params;
  const severity = decision?.severity ?? proposal.severity;
  const status = decision?.status;
  const edited = decision?.params !== undefined || decision?.severity !== undefined || decision?.message !== undefined;
  return (
    <Card
      size="small"
      role="group"
      aria-label={`建议：${KIND_NAMES[proposal.kind]}`}
      className={`studio-proposal studio-proposal-${status ?? 'undecided'}`}
      title={
        <Space wrap>
          <Tag>{KIND_NAMES[proposal.kind]}</Tag>
          <Tag color={SEVERITY_COLOR[severity]}>{SEVERITY_NAMES[severity]}</Tag>
          {status === 'accepted' && <Tag color="green">{edited ? '已修改并接受' : '已接受'}</Tag>}
          {status === 'rejected' && <Tag>已拒绝</Tag>}
          {status === undefined && <Tag color="gold">待决定</Tag>}
        </Space>
      }
      extra={
        <Space>
          <Button size="small" type={status === 'accepted' ? 'primary' : 'default'} onClick={() => onDecide(proposal.id, { ...decision, status: 'accepted' })}>
            接受
          </Button>
          <Button size="small" onClick={onEdit}>
            修改
          </Button>
          <Button size="small" danger={status === 'rejected'} onClick={() => onDecide(proposal.id, { status: 'rejected' })}>
            拒绝
          </Button>
        </Space>
      }
    >
      <Descriptions size="small" column={1}>
        {paramLeaves(params).map((leaf) => (
          <Descriptions.Item key={leaf.path.join('.')} label={paramLabel(proposal.kind, leaf.path)}>
            {paramText(names, params, leaf.path, leaf.value, leaf.editable)}
          </Descriptions.Item>
        ))}
        <Descriptions.Item label="提示文字">{decision?.message ?? proposal.message}</Descriptions.Item>
        <Descriptions.Item label="原文">
          <Typography.Text className="studio-quote">{proposal.quote}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="理由">{proposal.why}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

/** Every proposal, grouped under the clause it quotes, each accepted, edited or rejected by the user. */
export function ProposalList({ draft, edits, studio }: { draft: StudioDraftFile; edits: StudioEdits; studio: Studio }) {
  const [editing, setEditing] = useState<Proposal | null>(null);
  const names = useMemo(() => fieldNamesOf(draft), [draft]);
  const undecided = draft.proposals.filter((p) => !edits.proposals[p.id]).length;
  if (draft.proposals.length === 0) return <Empty description="没有识别出规则建议" />;
  const groups = new Map<string, Proposal[]>();
  for (const p of draft.proposals) groups.set(p.clauseId, [...(groups.get(p.clauseId) ?? []), p]);
  const pathOf = (clauseId: string): string => draft.clauses.find((c) => c.id === clauseId)?.path || '（通知开头）';
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Text>
          共 {draft.proposals.length} 条建议，{undecided > 0 ? `还有 ${undecided} 条待决定` : '已全部决定'}。
        </Typography.Text>
        <Button size="small" disabled={undecided === 0} onClick={() => studio.decideRest('accepted')}>
          其余全部接受
        </Button>
        <Button size="small" disabled={undecided === 0} onClick={() => studio.decideRest('rejected')}>
          其余全部拒绝
        </Button>
      </Space>
      <OutlineBar edits={edits} studio={studio} />
      {[...groups].map(([clauseId, proposals]) => (
        <section key={clauseId} className="studio-clause" aria-label={`条款：${pathOf(clauseId)}`}>
          <Typography.Title level={5}>{pathOf(clauseId)}</Typography.Title>
          <ClauseToolsFor clauseId={clauseId} draft={draft} edits={edits} studio={studio} />
          <Space direction="vertical" style={{ width: '100%' }}>
            {proposals.map((p) => (
              <ProposalCard key={p.id} proposal={p} decision={edits.proposals[p.id]} names={names} onDecide={studio.decide} onEdit={() => setEditing(p)} />
            ))}
          </Space>
        </section>
      ))}
      {editing && (
        <ProposalEditModal
          proposal={editing}
          names={names}
          params={edits.proposals[editing.id]?.params ?? editing.params}
          severity={edits.proposals[editing.id]?.severity ?? editing.severity}
          message={edits.proposals[editing.id]?.message ?? editing.message}
          onCancel={() => setEditing(null)}
          onSave={(params, severity, message) => {
            studio.decide(editing.id, { status: 'accepted', params, severity, ...(message !== editing.message ? { message } : {}) });
            setEditing(null);
          }}
        />
      )}
    </Space>
  );
}
