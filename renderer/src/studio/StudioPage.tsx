import { Button, Layout, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { EMPTY_TRY_VALUES } from '../../../shared/studio/tryDraft';
import { ClauseList } from './ClauseList';
import { ImportPackCard } from './ImportPackCard';
import { OpenNotice } from './OpenNotice';
import { PackForm } from './PackForm';
import { ProposalList } from './ProposalList';
import { SavePanel } from './SavePanel';
import { StudioHeader } from './StudioHeader';
import { TryPanel } from './TryPanel';
import { UnrecognizedList } from './UnrecognizedList';
import { WizardPreview } from './WizardPreview';
import { ResumeOffer, SessionNote } from './SessionNote';
import { useStudio } from './useStudio';
import './studio.css';

/** 指南工作台: a notice → its rule proposals reviewed one by one → a pack version installed. */
export function StudioPage() {
  const studio = useStudio();
  // 向导预览 and 试填 rebuild the pack on every decision: they are rendered only while their tab is shown.
  const [tab, setTab] = useState('proposals');
  const [tryValues, setTryValues] = useState(EMPTY_TRY_VALUES);
  const { state } = studio;
  const { draft, edits } = state;
  // Decisions are written to this computer a moment after each change; until then leaving asks first.
  const unsaved = draft !== null && (state.dirty === true || state.session?.state === 'failed') && !state.result?.installed;
  return (
    <>
      <StudioHeader unsaved={unsaved} />
      <Layout.Content className="app-content">
        {!draft ? (
          <Space direction="vertical" size="large" style={{ width: '100%' }}>
            <OpenNotice busy={state.busy === 'open'} error={state.error} onFile={(file) => void studio.open({ file })} onText={(text) => void studio.open({ text })} />
            <ImportPackCard />
          </Space>
        ) : (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Space wrap>
              <Typography.Text strong>通知：{draft.notice.name}</Typography.Text>
              <Typography.Text type="secondary">
                条款 {draft.clauses.length} 条，规则建议 {draft.proposals.length} 条，未识别的要求 {draft.unrecognized.length} 条
              </Typography.Text>
              <Button size="small" onClick={studio.close}>
                换一份通知
              </Button>
            </Space>
            {state.offer && <ResumeOffer savedAt={state.offer.savedAt} onResume={studio.resume} onDiscard={studio.discardOffer} />}
            <SessionNote status={state.session ?? { state: 'idle' }} dirty={state.dirty === true} />
            <Tabs
              activeKey={tab}
              onChange={setTab}
              items={[
                { key: 'proposals', label: `规则建议（${draft.proposals.length}）`, children: <ProposalList draft={draft} edits={edits} studio={studio} /> },
                { key: 'clauses', label: `条款结构（${draft.clauses.length}）`, children: <ClauseList draft={draft} edits={edits} studio={studio} /> },
                { key: 'unrecognized', label: `未识别的要求（${draft.unrecognized.length}）`, children: <UnrecognizedList items={draft.unrecognized} edits={edits} studio={studio} /> },
                { key: 'form', label: '指南信息与表单', children: <PackForm draft={draft} edits={edits} studio={studio} /> },
                { key: 'preview', label: '向导预览', children: tab === 'preview' ? <WizardPreview draft={draft} edits={edits} /> : null },
                { key: 'try', label: '试填', children: tab === 'try' ? <TryPanel draft={draft} edits={edits} values={tryValues} onValues={setTryValues} /> : null },
                { key: 'save', label: '检查与保存', children: <SavePanel state={state} onCheck={() => void studio.submit('check')} onSave={() => void studio.submit('save')} /> },
              ]}
            />
          </Space>
        )}
      </Layout.Content>
    </>
  );
}
