import { FolderOpenOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Progress, Result, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { DocumentKind } from '../../../shared/ipc/domains/export.contract';
import { errorMessage } from '../api/client';
import { DOCUMENT_KIND_LABEL, showInFolder, type DocumentOutcome } from './documentExport';

export type DocumentExportState =
  /** `step` and `progress` (0–1) come from the services' job: the step it is really at. */
  | { phase: 'running'; kind: DocumentKind; startedAt: number; step: string; progress: number }
  | { phase: 'done'; kind: DocumentKind; outcome: DocumentOutcome }
  | { phase: 'failed'; kind: DocumentKind; message: string }
  | { phase: 'cancelled'; kind: DocumentKind };

/** Seconds since the export started, shown beside its step: one step (a print) can take seconds. */
function useElapsed(startedAt: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (startedAt === null) return;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [startedAt]);
  return startedAt === null ? 0 : Math.max(0, Math.floor((now - startedAt) / 1000));
}

function OutcomeView({ outcome, kind }: { outcome: DocumentOutcome; kind: DocumentKind }) {
  const [error, setError] = useState<string | null>(null);
  if (outcome.kind === 'notSaved') return <Result status="info" title="未保存" subTitle={`已取消保存，${DOCUMENT_KIND_LABEL[kind]} 文档没有写入任何位置。`} />;
  if (outcome.kind === 'saved') {
    return (
      <Result
        status="success"
        title={`已保存「${outcome.fileName}」`}
        subTitle={<Typography.Text copyable>{outcome.path}</Typography.Text>}
        extra={
          <Space direction="vertical">
            <Button icon={<FolderOpenOutlined />} onClick={() => void showInFolder(outcome.path).catch((e: unknown) => setError(errorMessage(e)))}>
              打开所在文件夹
            </Button>
            {error && <Alert type="error" showIcon message={error} />}
          </Space>
        }
      />
    );
  }
  return (
    <Result
      status="success"
      title={`已导出「${outcome.fileName}」`}
      subTitle="文件已交给浏览器下载，保存在浏览器的下载文件夹中。"
      extra={<Button onClick={outcome.again}>再次下载</Button>}
    />
  );
}

/** Progress of one Word/PDF export with 取消, then the file name and where it went. */
export function DocumentExportModal({ state, onCancel, onClose }: { state: DocumentExportState | null; onCancel: () => void; onClose: () => void }) {
  const elapsed = useElapsed(state?.phase === 'running' ? state.startedAt : null);
  if (!state) return null;
  const label = DOCUMENT_KIND_LABEL[state.kind];
  const running = state.phase === 'running';
  return (
    <Modal
      open
      title={`导出 ${label}`}
      closable={!running}
      maskClosable={false}
      onCancel={running ? onCancel : onClose}
      footer={
        running ? (
          <Button onClick={onCancel}>取消</Button>
        ) : (
          <Button type="primary" onClick={onClose}>
            关闭
          </Button>
        )
      }
    >
      {running && (
        <div data-testid="document-export-progress">
          <Typography.Paragraph>
            {state.step}…已用时 {elapsed} 秒{elapsed >= 3 && /PDF|排版/.test(state.step) ? '（首次排版需要启动排版引擎，稍慢）' : ''}
          </Typography.Paragraph>
          <Progress percent={Math.min(99, Math.round(state.progress * 100))} status="active" />
        </div>
      )}
      {state.phase === 'done' && <OutcomeView outcome={state.outcome} kind={state.kind} />}
      {state.phase === 'failed' && <Result status="error" title={`导出 ${label} 失败`} subTitle={state.message} />}
      {state.phase === 'cancelled' && <Result status="info" title="已取消" subTitle={`没有生成任何 ${label} 文件。`} />}
    </Modal>
  );
}
