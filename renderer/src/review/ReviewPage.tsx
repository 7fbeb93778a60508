import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Layout, Typography } from 'antd';
import { useEffect } from 'react';
import { draftTitle } from '../../../shared/model/draft';
import { issuesOf } from '../../../shared/rules/engine';
import { navigate } from '../app/hashRoute';
import { useRuleResults } from '../guidance/useWizardContext';
import { useAppStore } from '../store';

interface Props {
  draftId: string;
}

/** One-page summary of a draft before 定稿. */
export function ReviewPage({ draftId }: Props) {
  const draft = useAppStore((s) => (s.current?.draft.id === draftId ? s.current.draft : null));
  const errors = issuesOf(useRuleResults()).filter((r) => r.severity === 'error');

  useEffect(() => {
    void useAppStore.getState().openDraft(draftId);
  }, [draftId]);

  return (
    <>
      <Layout.Header className="editor-header">
        <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate({ name: 'editor', draftId })}>
          返回编辑
        </Button>
        <Typography.Title level={4} className="editor-title">
          {draft ? `审阅：${draftTitle(draft)}` : '审阅'}
        </Typography.Title>
      </Layout.Header>
      <Layout.Content className="editor-content">
        <Card title="资格审查">
          {errors.length === 0 ? (
            <Alert type="success" showIcon message="没有阻止定稿的错误" />
          ) : (
            <Alert type="error" showIcon message={`还有 ${errors.length} 个错误需要修正`} />
          )}
        </Card>
      </Layout.Content>
    </>
  );
}
