import { Alert, Button, Space, Typography } from 'antd';
import type { StudioEdits } from '../../../shared/studio/studioEdits';
import type { StudioDraftFile } from '../../../shared/studio/studioFile';
import { ClauseTools } from './ClauseTools';
import type { Studio } from './useStudio';

/** 撤销 for the clause tree and the reason a merge or split was refused; shown on every screen that merges or splits. */
export function OutlineBar({ edits, studio }: { edits: StudioEdits; studio: Studio }) {
  const outline = edits.outline ?? [];
  return (
    <>
      {outline.length > 0 && (
        <Space wrap>
          <Typography.Text type="secondary">已合并、拆分条款 {outline.length} 处，规则建议按改过的条款重新生成。</Typography.Text>
          <Button size="small" onClick={() => studio.restructure(outline.slice(0, -1))}>
            撤销上一次合并或拆分
          </Button>
        </Space>
      )}
      {studio.state.outlineError && <Alert type="error" showIcon message="条款未能合并或拆分" description={studio.state.outlineError} />}
    </>
  );
}

/** Tools for one clause of the draft, by id: 与下一条合并 and 在此处拆分 added to the steps already made. */
export function ClauseToolsFor({ clauseId, draft, edits, studio }: { clauseId: string; draft: StudioDraftFile; edits: StudioEdits; studio: Studio }) {
  const outline = edits.outline ?? [];
  const i = draft.clauses.findIndex((c) => c.id === clauseId);
  const clause = draft.clauses[i];
  if (!clause) return null;
  return (
    <ClauseTools
      clause={clause}
      next={draft.clauses[i + 1]}
      onMerge={() => studio.restructure([...outline, { op: 'merge', clause: clause.id }])}
      onSplit={(offset) => studio.restructure([...outline, { op: 'split', clause: clause.id, offset }])}
    />
  );
}

/** Every clause of the notice as the tree now stands, with its text, so any clause (not only those with proposals) can be merged or split. */
export function ClauseList({ draft, edits, studio }: { draft: StudioDraftFile; edits: StudioEdits; studio: Studio }) {
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text>通知按自己的编号分为 {draft.clauses.length} 条条款。分错的地方可以合并或拆分，规则建议随即重新生成。</Typography.Text>
      <OutlineBar edits={edits} studio={studio} />
      {draft.clauses.map((c) => (
        <section key={c.id} className="studio-clause" aria-label={`条款结构：${c.path || '（通知开头）'}`}>
          <Typography.Text strong>{c.path || '（通知开头）'}</Typography.Text>
          <Typography.Paragraph className="studio-quote">{c.text}</Typography.Paragraph>
          <ClauseToolsFor clauseId={c.id} draft={draft} edits={edits} studio={studio} />
        </section>
      ))}
    </Space>
  );
}
