import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Descriptions, Layout, Result, Row, Spin, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { draftTitle } from '../../../shared/model/draft';
import { completionOf } from '../../../shared/progress/sectionStatuses';
import { navigate } from '../app/hashRoute';
import { countsOf, ensureDraftChecked, useOpenDraft, useResolvedProgram, useRuleResults, useValidationError } from '../guidance/useWizardContext';
import { ExportMenu } from '../export/ExportMenu';
import { HistoryButton } from '../history/HistoryButton';
import { IssuesButton } from '../issues/IssuesButton';
import { useAppStore } from '../store';
import { BudgetChart } from './BudgetChart';
import { budgetSplit } from './budgetSplit';
import { ChecklistCard } from './ChecklistCard';
import { DeclarationsCard } from './DeclarationsCard';
import { EligibilityCard } from './EligibilityCard';
import { FinalizeBar } from './FinalizeBar';
import { scheduleOf } from './schedule';
import { ScheduleTimeline } from './ScheduleTimeline';
import './review.css';

interface Props {
  draftId: string;
}

/** 审阅与定稿: the whole application on one page, then 定稿 / 解锁. */
export function ReviewPage({ draftId }: Props) {
  const stored = useOpenDraft();
  const draft = stored?.draft.id === draftId ? stored.draft : null;
  const openError = useAppStore((s) => s.openError);
  const resolved = useResolvedProgram();
  const results = useRuleResults();
  const openWarnings = useMemo(() => [...new Set(results.filter((r) => r.outcome === 'fail' && r.severity === 'warning').map((r) => r.message))], [results]);
  const validationError = useValidationError();
  const counts = useMemo(() => countsOf(results), [results]);
  const split = useMemo(() => (resolved && draft ? budgetSplit(resolved, draft) : null), [resolved, draft]);
  const schedule = useMemo(() => (resolved && draft ? scheduleOf(resolved, draft) : null), [resolved, draft]);

  useEffect(() => {
    void ensureDraftChecked(draftId);
  }, [draftId]);

  const header = (
    <Layout.Header className="review-header">
      <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate({ name: 'editor', draftId })}>
        返回填写
      </Button>
      <Typography.Title level={4} className="review-title" ellipsis>
        {draft ? `审阅与定稿：${draftTitle(draft)}` : '审阅与定稿'}
      </Typography.Title>
      <div className="review-header-actions">
        {draft && <IssuesButton />}
        {draft && <HistoryButton />}
        {draft && <ExportMenu draftId={draftId} type="primary" />}
      </div>
    </Layout.Header>
  );

  if (openError) {
    return (
      <>
        {header}
        <Result status="warning" title="无法打开这份草稿" subTitle={openError} extra={<Button onClick={() => navigate({ name: 'list' })}>返回草稿列表</Button>} />
      </>
    );
  }
  if (!draft) {
    return (
      <>
        {header}
        <Spin className="review-loading" />
      </>
    );
  }

  const checked = resolved !== null;
  return (
    <>
      {header}
      <Layout.Content className="review-content" data-testid="review-page">
        <FinalizeBar draft={draft} summary={counts} checked={checked || draft.guideline === null} openWarnings={openWarnings} />
        {validationError && <Alert type="warning" showIcon className="review-alert" message={validationError} />}
        {!draft.guideline ? (
          <Alert type="info" showIcon className="review-alert" message="这份草稿还没有选择申报指南和专项，选好后这里会显示资格、预算和附件的审阅结果。" />
        ) : !resolved ? (
          <Spin className="review-loading" />
        ) : (
          <>
            <Descriptions size="small" bordered column={2} className="review-card">
              <Descriptions.Item label="申报指南">{resolved.pack.title}</Descriptions.Item>
              <Descriptions.Item label="专项">{resolved.program.name}</Descriptions.Item>
              <Descriptions.Item label="完成度">
                <span data-testid="review-completion">{completionOf(results)}%</span>
              </Descriptions.Item>
              <Descriptions.Item label="待填写">{counts.incomplete + counts.pending}</Descriptions.Item>
              <Descriptions.Item label="错误">{counts.errors}</Descriptions.Item>
              <Descriptions.Item label="警告">{counts.warnings}</Descriptions.Item>
            </Descriptions>
            <EligibilityCard resolved={resolved} results={results} />
            <BudgetChart split={split} />
            {schedule && <ScheduleTimeline schedule={schedule} />}
            <Row gutter={16}>
              <Col span={12}>
                <ChecklistCard checklist={resolved.checklist} draft={draft} results={results} />
              </Col>
              <Col span={12}>
                <DeclarationsCard declarations={resolved.declarations} clauses={resolved.pack.clauses} draft={draft} />
              </Col>
            </Row>
          </>
        )}
      </Layout.Content>
    </>
  );
}
