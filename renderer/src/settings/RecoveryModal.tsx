import { Alert, Button, Modal, Popconfirm, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../api/client';
import { useAppStore } from '../store';
import type { RestoreResult } from '../store/backupSlice';
import { backupTime } from './formatBackup';
import { RestoreOutcome } from './RestoreOutcome';

/**
 * Shown at start when the data file was found damaged and moved aside, or missing where backups
 * exist: the app must never look like an empty store without saying why. It blocks until the user
 * restores the latest backup or confirms going on with blank data. (Browser mode cannot open a
 * folder, so the path is shown.) A start that repaired something without loss says so too.
 */
export function RecoveryModal() {
  const recovery = useAppStore((s) => s.recovery);
  const loadRecovery = useAppStore((s) => s.loadRecovery);
  const restoreBackup = useAppStore((s) => s.restoreBackup);
  const dismissRecovery = useAppStore((s) => s.dismissRecovery);
  const startupNotice = useAppStore((s) => s.startupNotice);
  const dismissStartupNotice = useAppStore((s) => s.dismissStartupNotice);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<RestoreResult | null>(null);

  useEffect(() => {
    void loadRecovery();
  }, [loadRecovery]);

  const act = async (action: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const latest = recovery?.latestBackup ?? null;
  const missing = recovery?.movedAsideTo === null;
  return (
    <>
      <Modal
        open={recovery !== null}
        title={missing ? '数据文件不见了或是空的' : '数据文件已损坏'}
        closable={false}
        maskClosable={false}
        keyboard={false}
        footer={
          <Space>
            <Popconfirm
              title="以空白数据继续？"
              description={
                <div style={{ maxWidth: 300 }}>
                  {missing
                    ? '之前的草稿不会出现在列表中。以后仍可从备份恢复（设置 → 备份与恢复）。'
                    : '之前的草稿不会出现在列表中。损坏的文件仍保存在上面显示的文件夹里，以后仍可从备份恢复（设置 → 备份与恢复）。'}
                </div>
              }
              okText="以空白数据继续"
              cancelText="取消"
              onConfirm={() => act(dismissRecovery)}
            >
              <Button disabled={busy}>以空白数据继续</Button>
            </Popconfirm>
            {latest && (
              <Button
                type="primary"
                loading={busy}
                onClick={() =>
                  act(async () => {
                    setOutcome(await restoreBackup(latest.name));
                  })
                }
              >
                恢复最近的备份（{backupTime(latest)}）
              </Button>
            )}
          </Space>
        }
      >
        {recovery && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Alert type="error" showIcon message={recovery.reason} />
            {recovery.movedAsideTo === null ? (
              <Typography.Paragraph>申报通现在使用的是一个空白数据文件，之前的草稿不在其中。</Typography.Paragraph>
            ) : (
              <>
                <Typography.Paragraph>
                  为保护您的数据，损坏的文件已原样移到下面的文件夹（没有删除），申报通现在使用的是一个空白数据文件：
                </Typography.Paragraph>
                <Typography.Text code copyable data-testid="moved-aside-path">
                  {recovery.movedAsideTo}
                </Typography.Text>
              </>
            )}
            <Typography.Paragraph>
              {latest
                ? `最近一份完好的备份是 ${backupTime(latest)} 的备份。恢复后，该时间之后的修改将无法找回。`
                : '没有找到可用的备份，无法自动恢复。请保留上面的文件夹，以便日后找回数据。'}
            </Typography.Paragraph>
            {error && <Alert type="error" showIcon message={error} />}
          </Space>
        )}
      </Modal>
      <Modal
        open={recovery === null && startupNotice !== null}
        title="上次关闭时未能写完"
        onOk={dismissStartupNotice}
        onCancel={dismissStartupNotice}
        cancelButtonProps={{ style: { display: 'none' } }}
        okText="知道了"
      >
        <Alert type="warning" showIcon message={startupNotice} />
      </Modal>
      {outcome && (
        <Modal open title="已恢复" onOk={() => setOutcome(null)} onCancel={() => setOutcome(null)} cancelButtonProps={{ style: { display: 'none' } }} okText="知道了">
          <RestoreOutcome result={outcome} />
        </Modal>
      )}
    </>
  );
}
