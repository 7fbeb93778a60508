import { Alert, App as AntApp, Button, Card, Descriptions, InputNumber, Layout, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { BackupEntry } from '../../../shared/ipc/domains/backup.contract';
import { errorMessage } from '../api/client';
import { PageHeader } from '../app/PageHeader';
import { useAppStore } from '../store';
import type { RestoreResult } from '../store/backupSlice';
import { backupReason, backupTime } from './formatBackup';
import { RestoreOutcome } from './RestoreOutcome';
import { formatFileSize } from '../../../shared/text/fileSize';

/** 设置 → 备份与恢复: the backups on this computer, 立即备份, 恢复 (after a warning), and how many to keep. */
export function SettingsPage() {
  const backups = useAppStore((s) => s.backups);
  const loadError = useAppStore((s) => s.backupsError);
  const loadBackups = useAppStore((s) => s.loadBackups);
  const createBackup = useAppStore((s) => s.createBackup);
  const restoreBackup = useAppStore((s) => s.restoreBackup);
  const setKeepCount = useAppStore((s) => s.setBackupKeepCount);
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const [keep, setKeep] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<RestoreResult | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  useEffect(() => {
    void loadBackups();
  }, [loadBackups]);

  const run = async (key: string, action: () => Promise<void>): Promise<void> => {
    setBusy(key);
    setActionError(null);
    try {
      await action();
    } catch (e) {
      setActionError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const keepValue = keep ?? backups?.keepCount ?? null;
  const columns = [
    { title: '时间', key: 'time', render: (_: unknown, b: BackupEntry) => backupTime(b) },
    { title: '类型', key: 'reason', render: (_: unknown, b: BackupEntry) => backupReason(b) },
    { title: '大小', key: 'size', render: (_: unknown, b: BackupEntry) => formatFileSize(b.size) },
    {
      title: '完整性',
      key: 'verified',
      render: (_: unknown, b: BackupEntry) => (b.verified ? <Tag color="green">完好</Tag> : <Tag color="red">已损坏</Tag>),
    },
    {
      title: '操作',
      key: 'actions',
      render: (_: unknown, b: BackupEntry) => (
        <Popconfirm
          title="恢复到这份备份？"
          description={
            <div style={{ maxWidth: 320 }}>
              现在的全部草稿和档案会被这份备份（{backupTime(b)}）的内容替换。替换前会先把当前数据另存为一份「恢复前」备份，需要时可再恢复回来。
            </div>
          }
          okText="恢复"
          cancelText="取消"
          disabled={!b.verified}
          onConfirm={() =>
            run(`restore:${b.name}`, async () => {
              const result = await restoreBackup(b.name);
              setOutcome(result);
              void message.success('已恢复');
            })
          }
        >
          <Button size="small" disabled={!b.verified || busy !== null} loading={busy === `restore:${b.name}`} aria-label={`恢复 ${backupTime(b)} 的备份`}>
            恢复
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <>
      <PageHeader title="设置" />
      <Layout.Content className="app-content">
        <Card title="备份与恢复">
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Typography.Paragraph type="secondary">
              每天首次启动时、升级数据库前和恢复前都会自动备份，也可以随时立即备份。每份备份都经过完整性检查。备份只含草稿、历史版本和档案，不含附件文件本身。
            </Typography.Paragraph>
            {backups && (
              <Descriptions size="small" column={1} bordered>
                <Descriptions.Item label="数据目录">
                  <Typography.Text copyable data-testid="data-dir">
                    {backups.dataDir}
                  </Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label="备份文件夹">
                  <Typography.Text copyable>{backups.backupsDir}</Typography.Text>
                </Descriptions.Item>
              </Descriptions>
            )}
            <Space wrap>
              <Button
                type="primary"
                loading={busy === 'create'}
                disabled={busy !== null}
                onClick={() =>
                  run('create', async () => {
                    const created = await createBackup();
                    void message.success(`已备份（${backupTime(created)}）`);
                  })
                }
              >
                立即备份
              </Button>
              <span>保留最近</span>
              <InputNumber aria-label="保留备份份数" min={1} max={100} precision={0} value={keepValue} onChange={(v) => setKeep(v)} />
              <span>份</span>
              <Button
                disabled={busy !== null || keep === null || keep === backups?.keepCount}
                loading={busy === 'keep'}
                onClick={() =>
                  run('keep', async () => {
                    if (keep === null) return;
                    await setKeepCount(keep);
                    setKeep(null);
                    void message.success(`将保留最近 ${keep} 份备份`);
                  })
                }
              >
                保存份数
              </Button>
            </Space>
            {(actionError ?? loadError) && <Alert type="error" showIcon message={actionError ?? loadError} />}
            {outcome && <RestoreOutcome result={outcome} />}
            <Table<BackupEntry>
              rowKey="name"
              size="small"
              columns={columns}
              dataSource={backups?.backups ?? []}
              loading={backups === null && loadError === null}
              pagination={false}
              locale={{ emptyText: '还没有备份' }}
            />
          </Space>
        </Card>
      </Layout.Content>
    </>
  );
}
