import { Alert, Button, Space } from 'antd';
import type { SessionStatus } from './useStudio';

const timeOf = (iso: string): string => {
  const d = new Date(iso);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

/** What is true of the local save of the work in progress: 已保存 only after the write succeeded. */
export function SessionNote({ status, dirty }: { status: SessionStatus; dirty: boolean }) {
  if (status.state === 'failed') {
    return <Alert type="warning" showIcon role="status" message={`审核进度没有保存：${status.error}。离开本页前请先「保存为新版本」，否则最近的决定不会保留。`} />;
  }
  if (status.state === 'saving' || (dirty && status.state === 'saved')) return <Alert type="info" showIcon role="status" message="正在保存审核进度…" />;
  if (status.state === 'saved') {
    return <Alert type="success" showIcon role="status" message={`审核进度已保存在本机（${timeOf(status.at)}）：再次打开同一份通知时可以继续上次的审核。保存为新版本后才会安装指南包。`} />;
  }
  return <Alert type="info" showIcon role="status" message="所做的决定会自动保存在本机；保存为新版本后才会安装指南包。" />;
}

/** 继续上次的审核: decisions saved earlier for this same notice. */
export function ResumeOffer({ savedAt, onResume, onDiscard }: { savedAt: string; onResume: () => void; onDiscard: () => void }) {
  return (
    <Alert
      type="info"
      showIcon
      role="region"
      aria-label="上次的审核"
      message={`这份通知在 ${timeOf(savedAt)} 审核过，本机保存了当时的决定。`}
      action={
        <Space>
          <Button type="primary" size="small" onClick={onResume}>
            继续上次的审核
          </Button>
          <Button size="small" onClick={onDiscard}>
            重新开始
          </Button>
        </Space>
      }
    />
  );
}
