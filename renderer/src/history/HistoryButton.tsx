import { Button, Drawer, Empty, List, Typography } from 'antd';
import { useState } from 'react';
import type { RevisionInfo } from '../../../shared/ipc/contract';
import { call, errorMessage } from '../api/client';
import { formatLocalTime } from '../drafts/formatTime';
import { useOpenDraft } from '../guidance/useWizardContext';

/** Revision history of the open draft: a button and a drawer listing the saved revisions. */
export function HistoryButton() {
  const stored = useOpenDraft();
  const [open, setOpen] = useState(false);
  const [revisions, setRevisions] = useState<RevisionInfo[]>([]);
  const [error, setError] = useState<string | null>(null);

  const show = async (): Promise<void> => {
    setOpen(true);
    if (!stored) return;
    try {
      setRevisions(await call('draftsRevisions', { id: stored.draft.id }));
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <>
      <Button onClick={() => void show()} disabled={!stored} data-testid="history-button">
        历史版本
      </Button>
      <Drawer title="历史版本" open={open} onClose={() => setOpen(false)} width={480}>
        {error && <Typography.Text type="danger">{error}</Typography.Text>}
        {revisions.length === 0 ? (
          <Empty description="还没有保存过的版本" />
        ) : (
          <List
            dataSource={revisions}
            renderItem={(r) => (
              <List.Item key={r.revision}>
                <List.Item.Meta title={`第 ${r.revision} 版`} description={`${formatLocalTime(r.savedAt)} · ${r.size} 字节`} />
              </List.Item>
            )}
          />
        )}
      </Drawer>
    </>
  );
}
