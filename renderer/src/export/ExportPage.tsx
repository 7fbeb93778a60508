import { ArrowLeftOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Layout, Space, Spin, Typography } from 'antd';
import { useEffect } from 'react';
import { blockingCount, describeBlocking } from '../../../shared/rules/engine';
import { useAppStore } from '../store';
import { DocumentsCard } from './DocumentsCard';
import { goToVerify } from './exportRoutes';
import { PackageCard } from './PackageCard';
import './export.css';

/** 导出: Word and PDF of the book, and the submission package with its progress. */
export function ExportPage({ draftId }: { draftId: string }) {
  const readiness = useAppStore((s) => (s.exportReadinessFor === draftId ? s.exportReadiness : null));
  const error = useAppStore((s) => (s.exportReadinessFor === draftId ? s.exportReadinessError : null));
  const load = useAppStore((s) => s.loadExportReadiness);
  const jobState = useAppStore((s) => s.packageJob?.status.state);

  useEffect(() => {
    void load(draftId);
  }, [draftId, load]);
  // A finished job may follow edits made elsewhere; re-read what blocks the package.
  useEffect(() => {
    if (jobState === 'done' || jobState === 'failed') void load(draftId);
  }, [jobState, draftId, load]);

  return (
    <>
      <Layout.Header className="app-header">
        <Space>
          <Button icon={<ArrowLeftOutlined />} href={`#/drafts/${draftId}`}>
            返回编辑
          </Button>
          <Typography.Title level={4} className="app-brand">
            导出与申报包
          </Typography.Title>
        </Space>
      </Layout.Header>
      <Layout.Content className="app-content export-page">
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          {error && <Alert type="error" showIcon message={error} />}
          {!readiness && !error && <Spin tip="正在检查草稿…"><div className="export-spin" /></Spin>}
          {readiness && (
            <>
              <Typography.Text data-testid="export-summary">
                形式审查：{blockingCount(readiness.summary) > 0 ? `还有 ${describeBlocking(readiness.summary)}` : '没有待填写项和错误'}；警告 {readiness.summary.warnings} 个，提示 {readiness.summary.infos} 个
              </Typography.Text>
              <DocumentsCard draftId={draftId} watermark={readiness.watermark} />
              <PackageCard draftId={draftId} readiness={readiness} />
            </>
          )}
          <Button icon={<SafetyCertificateOutlined />} onClick={goToVerify}>
            检查申报包…
          </Button>
        </Space>
      </Layout.Content>
    </>
  );
}
