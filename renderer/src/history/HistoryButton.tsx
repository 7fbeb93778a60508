import { EyeOutlined, HistoryOutlined, RollbackOutlined } from '@ant-design/icons';
import { Alert, App, Button, Drawer, Empty, List, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import type { RevisionInfo } from '../../../shared/ipc/contract';
import type { Draft } from '../../../shared/model/draft';
import { call, errorMessage } from '../api/client';
import { formatLocalTime } from '../drafts/formatTime';
import { useResolvedProgram } from '../guidance/useWizardContext';
import { useAppStore } from '../store';
import { restoreRevision } from './restoreRevision';
import { RevisionPreview } from './RevisionPreview';
import './history.css';
import { formatFileSize } from '../../../shared/text/fileSize';

/** Revision history of the open draft: list, read-only preview, restore (a restore is a new revision). */
export function HistoryButton() {
  const { message, modal } = App.useApp();
  // Primitive selectors: an edit of the draft's values must not re-render the history drawer.
  const draftId = useAppStore((s) => s.current?.draft.id ?? null);
  const final = useAppStore((s) => s.current?.draft.status === 'final');
  const current = useAppStore((s) => s.current?.revision);
  const resolved = useResolvedProgram();
  const [open, setOpen] = useState(false);
  const [revisions, setRevisions] = useState<RevisionInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ revision: number; draft: Draft } | null>(null);

  const load = async (): Promise<void> => {
    if (!draftId) return;
    try {
      // What was just typed becomes the newest revision before the list is read.
      await useAppStore.getState().flushSave();
      setRevisions(await call('draftsRevisions', { id: draftId }));
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const show = (): void => {
    setOpen(true);
    setPreview(null);
    setRevisions(null);
    void load();
  };

  const openPreview = async (revision: number): Promise<void> => {
    if (!draftId) return;
    try {
      setPreview({ revision, draft: await call('draftsRevisionGet', { id: draftId, revision }) });
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };

  const confirmRestore = (revision: number): void => {
    if (!draftId) return;
    modal.confirm({
      title: `恢复到第 ${revision} 版？`,
      content: '当前内容会保留在历史版本中；恢复后会生成一个新版本，随时可以再恢复回来。',
      okText: '恢复',
      cancelText: '取消',
      onOk: async () => {
        const failure = await restoreRevision(draftId, revision);
        if (failure) {
          void message.error(failure);
          return;
        }
        void message.success(`已恢复到第 ${revision} 版的内容`);
        setOpen(false);
      },
    });
  };

  return (
    <>
      <Button icon={<HistoryOutlined />} onClick={show} disabled={!draftId} data-testid="history-button">
        历史版本
      </Button>
      <Drawer
        title={preview ? `第 ${preview.revision} 版（只读预览）` : '历史版本'}
        open={open}
        onClose={() => setOpen(false)}
        width={640}
        rootClassName="history-drawer-root"
        extra={
          preview && (
            <Space>
              <Button onClick={() => setPreview(null)}>返回列表</Button>
              {preview.revision !== current && (
                <Button type="primary" icon={<RollbackOutlined />} disabled={final} onClick={() => confirmRestore(preview.revision)}>
                  恢复此版本
                </Button>
              )}
            </Space>
          )
        }
      >
        {error && <Alert type="error" showIcon message={error} className="history-alert" />}
        {final && <Alert type="info" showIcon message="已定稿的申报书不能恢复旧版本，请先解锁。" className="history-alert" />}
        {preview ? (
          <RevisionPreview draft={preview.draft} resolved={resolved} />
        ) : revisions === null ? (
          !error && <Spin />
        ) : revisions.length === 0 ? (
          <Empty description="还没有保存过的版本" />
        ) : (
          <List
            dataSource={revisions}
            renderItem={(r) => (
              <List.Item
                key={r.revision}
                data-revision={r.revision}
                actions={[
                  <Button key="preview" size="small" icon={<EyeOutlined />} onClick={() => void openPreview(r.revision)}>
                    预览
                  </Button>,
                  r.revision === current ? (
                    <Typography.Text key="current" type="secondary">
                      当前版本
                    </Typography.Text>
                  ) : (
                    <Button key="restore" size="small" icon={<RollbackOutlined />} disabled={final} onClick={() => confirmRestore(r.revision)}>
                      恢复
                    </Button>
                  ),
                ]}
              >
                <List.Item.Meta title={`第 ${r.revision} 版`} description={`${formatLocalTime(r.savedAt)} · ${formatFileSize(r.size)}`} />
              </List.Item>
            )}
          />
        )}
      </Drawer>
    </>
  );
}
