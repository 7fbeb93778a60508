import { CheckCircleOutlined, CloseCircleOutlined, EditOutlined, LoadingOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store';
import { selectSaveIndicator, type SaveIndicator } from '../store/selectors';

function describe(indicator: SaveIndicator, retry: () => void, reload: () => void) {
  switch (indicator.kind) {
    case 'saving':
      return (
        <Typography.Text type="secondary">
          <LoadingOutlined /> 保存中…
        </Typography.Text>
      );
    case 'error':
      return (
        <Space size={8}>
          <Typography.Text type="danger">
            <CloseCircleOutlined /> 保存失败：{indicator.message}
          </Typography.Text>
          {indicator.conflict ? (
            <Popconfirm
              title="载入最新保存的版本"
              description="这份草稿已在别处保存过。载入后，本页尚未保存的修改将被放弃。"
              okText="载入"
              cancelText="取消"
              onConfirm={reload}
            >
              <Button size="small" danger>
                重新载入
              </Button>
            </Popconfirm>
          ) : (
            <Button size="small" danger onClick={retry}>
              重试
            </Button>
          )}
        </Space>
      );
    case 'dirty':
      return (
        <Typography.Text type="secondary">
          <EditOutlined /> 有修改尚未保存
        </Typography.Text>
      );
    case 'saved':
      return (
        <Typography.Text type="success">
          <CheckCircleOutlined /> 已保存 {dayjs(indicator.savedAt).format('HH:mm:ss')}
        </Typography.Text>
      );
    case 'opened':
      return (
        <Typography.Text type="secondary">
          上次保存于 {dayjs(indicator.lastSavedAt).format('YYYY-MM-DD HH:mm:ss')}，修改会自动保存
        </Typography.Text>
      );
    case 'none':
      return <Typography.Text type="secondary">修改会自动保存</Typography.Text>;
  }
}

/** The editor's footer: the autosave state, answered by the store, never guessed. */
export function SaveStatusBar() {
  const indicator = useAppStore(useShallow(selectSaveIndicator));
  const flushSave = useAppStore((s) => s.flushSave);
  const reloadDraft = useAppStore((s) => s.reloadDraft);
  return (
    <footer className="save-status-bar" role="status" aria-label="保存状态" aria-live="polite" data-save-state={indicator.kind}>
      {describe(indicator, () => void flushSave(), () => void reloadDraft())}
    </footer>
  );
}
