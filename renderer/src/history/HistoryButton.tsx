import { HistoryOutlined, RollbackOutlined } from '@ant-design/icons';
import { Alert, App, Button, Drawer, Empty, Space, Spin } from 'antd';
import { useMemo, useState } from 'react';
import type { EditingSession } from '../../../shared/ipc/contract';
import { call, errorMessage } from '../api/client';
import { useResolvedProgram } from '../guidance/useWizardContext';
import { useAppStore } from '../store';
import { compareDrafts, type FieldChange } from './compareDrafts';
import { lazyPart } from '../app/lazyPart';
import { fieldLabeler } from './fieldLabels';
import { restoreRevision } from './restoreRevision';
import { SaveVersionButton } from './SaveVersionButton';
import { SessionList } from './SessionList';
import './history.css';

// The comparison (a text diff over every field) loads when a version is first compared.
const CompareView = lazyPart(() => import('./CompareView').then((m) => m.CompareView), '比较');

/**
 * Revision history of the open draft: editing sessions with what each changed, named versions,
 * and a field-by-field comparison with the current content, from which a version can be restored
 * (a restore is a new revision; the replaced content is kept as a named version).
 */
export function HistoryButton() {
  const { message, modal } = App.useApp();
  // Primitive selectors: an edit of the draft's values must not re-render the history drawer.
  const draftId = useAppStore((s) => s.current?.draft.id ?? null);
  const final = useAppStore((s) => s.current?.draft.status === 'final');
  const current = useAppStore((s) => s.current?.revision);
  const resolved = useResolvedProgram();
  const labeler = useMemo(() => fieldLabeler(resolved), [resolved]);
  const [open, setOpen] = useState(false);
  const [sessions, setSessions] = useState<EditingSession[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [compare, setCompare] = useState<{ revision: number; changes: FieldChange[] } | null>(null);

  const load = async (): Promise<void> => {
    if (!draftId) return;
    try {
      // What was just typed becomes the newest revision before the list is read.
      await useAppStore.getState().flushSave();
      setSessions((await call('draftsHistory', { id: draftId })).sessions);
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const show = (): void => {
    setOpen(true);
    setCompare(null);
    setSessions(null);
    void load();
  };

  const openCompare = async (revision: number): Promise<void> => {
    if (!draftId) return;
    try {
      await useAppStore.getState().flushSave();
      const now = useAppStore.getState().current?.draft;
      if (!now) return;
      const older = await call('draftsRevisionGet', { id: draftId, revision });
      setCompare({ revision, changes: compareDrafts(older, now, resolved) });
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };

  const confirmRestore = (revision: number, changes: number): void => {
    if (!draftId) return;
    modal.confirm({
      title: `恢复到第 ${revision} 版？`,
      content: `上面列出的 ${changes} 项会变回第 ${revision} 版的内容。当前内容会保留为命名版本「恢复第 ${revision} 版前」，随时可以再恢复回来。`,
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
        title={compare ? `第 ${compare.revision} 版与当前内容比较` : '历史版本'}
        open={open}
        onClose={() => setOpen(false)}
        width={720}
        rootClassName="history-drawer-root"
        extra={
          compare ? (
            <Space>
              <Button onClick={() => setCompare(null)}>返回列表</Button>
              {compare.revision !== current && compare.changes.length > 0 && (
                <Button type="primary" icon={<RollbackOutlined />} disabled={final} onClick={() => confirmRestore(compare.revision, compare.changes.length)}>
                  恢复此版本
                </Button>
              )}
            </Space>
          ) : (
            draftId && <SaveVersionButton draftId={draftId} onSaved={() => void load()} />
          )
        }
      >
        {error && <Alert type="error" showIcon message={error} className="history-alert" />}
        {final && <Alert type="info" showIcon message="已定稿的申报书不能恢复旧版本，请先解锁。" className="history-alert" />}
        {compare ? (
          <CompareView changes={compare.changes} revision={compare.revision} />
        ) : sessions === null ? (
          !error && <Spin />
        ) : sessions.length === 0 ? (
          <Empty description="还没有保存过的版本" />
        ) : (
          <SessionList sessions={sessions} current={current} labeler={labeler} onCompare={(r) => void openCompare(r)} />
        )}
      </Drawer>
    </>
  );
}
