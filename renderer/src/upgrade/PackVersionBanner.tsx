import { Alert, App, Button, Modal, Space } from 'antd';
import { useEffect, useState } from 'react';
import { isNewerVersion, type UpgradeReport } from '../../../shared/upgrade/upgradeReport';
import { call, errorMessage } from '../api/client';
import { useAppStore } from '../store';
import { UpgradeReportView } from './UpgradeReportView';

/**
 * 升级到新版指南: offered when a newer version of the draft's pack is installed. The report comes
 * first; nothing changes until 确认升级, and 暂不升级 keeps the draft on its version.
 */
export function PackVersionBanner({ draftId }: { draftId: string }) {
  const { message } = App.useApp();
  const guideline = useAppStore((s) => (s.current?.draft.id === draftId ? s.current.draft.guideline : null));
  const isFinal = useAppStore((s) => s.current?.draft.status === 'final');
  const [newest, setNewest] = useState<{ version: string; title: string } | null>(null);
  const [dismissed, setDismissed] = useState(false);
  const [report, setReport] = useState<UpgradeReport | null>(null);
  const [baseRevision, setBaseRevision] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);

  const packId = guideline?.packId;
  const version = guideline?.packVersion;
  useEffect(() => {
    if (!packId || !version) return;
    let live = true;
    call('guidelinesList', {}).then(
      (list) => {
        const summary = list.find((g) => g.id === packId);
        if (live && summary && isNewerVersion(summary.version, version)) setNewest({ version: summary.version, title: summary.title });
        else if (live) setNewest(null);
      },
      () => live && setNewest(null),
    );
    return () => {
      live = false;
    };
  }, [packId, version]);

  if (!newest || !guideline || dismissed || isFinal) return null;

  const preview = async (): Promise<void> => {
    setBusy(true);
    try {
      await useAppStore.getState().flushSave();
      if (useAppStore.getState().saveStatus === 'error') throw new Error('有修改未能保存，请先重试保存');
      const revision = useAppStore.getState().current?.revision ?? null;
      const answer = await call('draftsUpgradePreview', { id: draftId, toVersion: newest.version });
      setBaseRevision(revision);
      setReport(answer.report);
    } catch (e) {
      void message.error(e instanceof Error && !('code' in e) ? e.message : errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const upgrade = async (): Promise<void> => {
    if (baseRevision === null) return;
    setBusy(true);
    try {
      await call('draftsUpgrade', { id: draftId, toVersion: newest.version, baseRevision });
      setReport(null);
      const store = useAppStore.getState();
      store.resetHistory();
      await store.openDraft(draftId);
      await useAppStore.getState().startValidation(draftId);
      void message.success(`已升级到 ${newest.version} 版指南；需要时可在「历史」中恢复到升级前的版本`);
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Alert
        type="info"
        showIcon
        className="wizard-banner"
        message={`指南「${newest.title}」有新版本 ${newest.version}（本草稿按 ${guideline.packVersion} 版编写）`}
        action={
          <Space>
            <Button size="small" type="primary" loading={busy && report === null} onClick={() => void preview()}>
              升级到新版指南
            </Button>
            <Button size="small" onClick={() => setDismissed(true)}>
              暂不升级
            </Button>
          </Space>
        }
      />
      {report && (
        <Modal
          open
          width={760}
          title={`升级到 ${report.toVersion} 版指南：升级报告`}
          okText="确认升级"
          cancelText="暂不升级"
          confirmLoading={busy}
          onOk={() => void upgrade()}
          onCancel={() => setReport(null)}
        >
          <UpgradeReportView report={report} />
        </Modal>
      )}
    </>
  );
}
