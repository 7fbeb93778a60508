import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Form, Layout, Result, Row, Spin, Typography } from 'antd';
import { useEffect } from 'react';
import { draftTitle } from '../../../shared/model/draft';
import { navigate } from '../app/hashRoute';
import { useAppStore } from '../store';
import { SaveStatusBar } from './SaveStatusBar';
import { SummaryField } from './SummaryField';
import { TextField } from './TextField';
import './editor.css';

interface Props {
  draftId: string;
}

export function EditorPage({ draftId }: Props) {
  const { message } = App.useApp();
  const draft = useAppStore((s) => (s.current?.draft.id === draftId ? s.current.draft : null));
  const openError = useAppStore((s) => s.openError);

  useEffect(() => {
    void useAppStore.getState().openDraft(draftId);
    const flushWhenHidden = (): void => {
      if (document.visibilityState === 'hidden') void useAppStore.getState().flushSave();
    };
    document.addEventListener('visibilitychange', flushWhenHidden);
    return () => {
      document.removeEventListener('visibilitychange', flushWhenHidden);
      // Leaving the editor by any route (back button, address bar, history) sends what is queued.
      void useAppStore.getState().flushSave();
    };
  }, [draftId]);

  const back = async (): Promise<void> => {
    const store = useAppStore.getState();
    await store.flushSave();
    if (useAppStore.getState().saveStatus === 'error') {
      void message.error('有修改未能保存，请先重试保存再离开');
      return;
    }
    navigate({ name: 'list' });
  };

  const header = (
    <Layout.Header className="editor-header">
      <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => void back()}>
        返回列表
      </Button>
      <Typography.Title level={4} className="editor-title" ellipsis title={draft ? draftTitle(draft) : undefined}>
        {draft ? draftTitle(draft) : '申报书'}
      </Typography.Title>
    </Layout.Header>
  );

  if (openError) {
    return (
      <>
        {header}
        <Result
          status="warning"
          title="无法打开这份草稿"
          subTitle={openError}
          extra={
            <Button type="primary" onClick={() => navigate({ name: 'list' })}>
              返回草稿列表
            </Button>
          }
        />
      </>
    );
  }

  return (
    <>
      {header}
      <Layout.Content className="editor-content">
        {draft ? (
          <Form layout="vertical" component="div" requiredMark={false}>
            {draft.status === 'final' && (
              <Alert className="editor-card" type="info" showIcon message="这份申报书已定稿，内容只能查看，不能修改。" />
            )}
            <Card title="基本信息" className="editor-card">
              <TextField fieldId="project.name" label="项目名称" placeholder="与申报书封面一致的项目全称" maxLength={200} />
              <Row gutter={24}>
                <Col span={12}>
                  <TextField fieldId="applicant.name" label="申报单位" placeholder="加盖公章的单位全称" maxLength={200} />
                </Col>
                <Col span={6}>
                  <TextField fieldId="pi.name" label="项目负责人" placeholder="姓名" maxLength={50} />
                </Col>
                <Col span={6}>
                  <TextField fieldId="pi.phone" label="联系电话" placeholder="手机或座机" maxLength={30} inputMode="tel" />
                </Col>
              </Row>
            </Card>
            <Card title="项目摘要" className="editor-card">
              <SummaryField fieldId="project.summary" label="项目摘要" limit={800} />
            </Card>
          </Form>
        ) : (
          <div className="editor-loading">
            <Spin tip="正在打开草稿…">
              <div className="editor-loading-box" />
            </Spin>
          </div>
        )}
      </Layout.Content>
      <SaveStatusBar />
    </>
  );
}
