import { App, Button, Popconfirm } from 'antd';
import { useState } from 'react';
import type { DraftSummary } from '../../../shared/ipc/contract';
import { call, errorMessage } from '../api/client';
import { useAppStore } from '../store';

/**
 * The one action a damaged draft (listed as 已损坏) offers: its newest revision that reads back
 * whole becomes a new revision. Every other draft keeps working meanwhile.
 */
export function RecoverDraftButton({ draft }: { draft: DraftSummary }) {
  const { message } = App.useApp();
  const loadDrafts = useAppStore((s) => s.loadDrafts);
  const [busy, setBusy] = useState(false);
  const recover = async (): Promise<void> => {
    setBusy(true);
    try {
      const result = await call('draftsRecover', { id: draft.id });
      void message.success(`已恢复到第 ${result.restoredRevision} 版的内容`);
      await loadDrafts();
    } catch (e) {
      void message.error(`恢复失败：${errorMessage(e)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Popconfirm
      title="恢复到最近完好的版本？"
      description={<div style={{ maxWidth: 280 }}>用这份草稿最近一个能完整读出的历史版本替换已损坏的内容（存为新版本）。</div>}
      okText="恢复"
      cancelText="取消"
      onConfirm={() => void recover()}
    >
      <Button type="link" size="small" danger loading={busy}>
        恢复到最近完好的版本
      </Button>
    </Popconfirm>
  );
}
