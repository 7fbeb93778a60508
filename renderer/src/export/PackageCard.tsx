import { FileZipOutlined, FolderOpenOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, List, Progress, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { ExportReadiness } from '../../../shared/ipc/domains/export.contract';
import { errorMessage } from '../api/client';
import { useAppStore } from '../store';
import { inDesktopApp, showInFolder } from './documentExport';
import { downloadPackageLink } from './downloadBytes';
import { usePackagePolling } from './usePackagePolling';
import { formatFileSize } from '../../../shared/text/fileSize';

/** 申报包: what blocks it, the running job's progress with 取消, and the download when it is done. */
export function PackageCard({ draftId, readiness }: { draftId: string; readiness: ExportReadiness }) {
  const job = useAppStore((s) => (s.packageJob?.draftId === draftId ? s.packageJob : null));
  const packageError = useAppStore((s) => s.packageError);
  const startPackage = useAppStore((s) => s.startPackage);
  const cancelPackage = useAppStore((s) => s.cancelPackage);
  const savePackageAs = useAppStore((s) => s.savePackageAs);
  const { message } = AntApp.useApp();
  const [savedPath, setSavedPath] = useState<string | null>(null);
  usePackagePolling();

  const deliver = async (): Promise<void> => {
    if (!job || job.status.state !== 'done') return;
    if (!inDesktopApp()) {
      downloadPackageLink(job.jobId, job.status.fileName ?? '申报包.zip');
      return;
    }
    try {
      const saved = await savePackageAs();
      if (saved) {
        setSavedPath(saved);
        message.success(`申报包已保存到 ${saved}`);
      }
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  // Deliver once, right when the job finishes; the button stays for another copy.
  const delivered = useRef<string | null>(null);
  useEffect(() => {
    if (job?.status.state === 'done' && delivered.current !== job.jobId) {
      delivered.current = job.jobId;
      void deliver();
    }
  });

  const running = job?.status.state === 'running';
  return (
    <Card title={`${readiness.documentName}申报包（.zip）`} size="small">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          包含 Word 与 PDF 文档、按附件清单编号命名的附件、形式审查自查表、草稿数据和带校验码的文件清单，可用「检查申报包」核对是否完整、未被改动。
        </Typography.Text>
        {!readiness.ready && (
          <Alert
            type="error"
            showIcon
            message={`还有 ${readiness.blockers.length} 项必须修改的问题，不能生成申报包`}
            description={
              <List
                size="small"
                data-testid="package-blockers"
                dataSource={readiness.blockers}
                renderItem={(b) => <List.Item>{b.message}</List.Item>}
              />
            }
          />
        )}
        {readiness.ready && readiness.watermark && (
          <Alert type="warning" showIcon message="草稿尚未定稿：申报包中的文档将带「草稿」水印。定稿后再生成可去掉水印。" />
        )}
        <Space>
          <Button type="primary" icon={<FileZipOutlined />} disabled={!readiness.ready || running} onClick={() => void startPackage(draftId)}>
            生成申报包
          </Button>
          {running && <Button onClick={() => void cancelPackage()}>取消</Button>}
          {job?.status.state === 'done' && <Button onClick={() => void deliver()}>{inDesktopApp() ? '另存申报包…' : '再次下载'}</Button>}
        </Space>
        {job && (
          <div data-testid="package-progress">
            <Typography.Text>{job.status.step}</Typography.Text>
            <Progress
              // 100 % only once the job is done: a last rounding step is not 完成.
              percent={running ? Math.min(99, Math.round(job.status.progress * 100)) : Math.round(job.status.progress * 100)}
              status={job.status.state === 'failed' ? 'exception' : job.status.state === 'done' ? 'success' : job.status.state === 'cancelled' ? 'normal' : 'active'}
            />
            {job.status.state === 'done' && (
              <Typography.Text type="success">
                已生成「{job.status.fileName}」（{formatFileSize(job.status.size ?? 0)}）
              </Typography.Text>
            )}
            {job.status.state === 'done' && savedPath && (
              <div>
                <Typography.Text copyable>{savedPath}</Typography.Text>
                <Button type="link" icon={<FolderOpenOutlined />} onClick={() => void showInFolder(savedPath).catch((e: unknown) => message.error(errorMessage(e)))}>
                  打开所在文件夹
                </Button>
              </div>
            )}
            {job.status.state === 'cancelled' && <Typography.Text type="secondary">已取消，未留下任何文件</Typography.Text>}
            {job.status.state === 'failed' && <Alert type="error" showIcon message={job.status.error ?? '生成申报包失败'} />}
          </div>
        )}
        {packageError && <Alert type="error" showIcon message={packageError} />}
      </Space>
    </Card>
  );
}
