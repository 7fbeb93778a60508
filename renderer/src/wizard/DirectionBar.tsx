import { EditOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { DirectionStep, findPathNames } from '../newDraft/DirectionStep';
import { useAppStore } from '../store';

/**
 * 支持方向 inside the draft: what was chosen when it was created, and 选择/更改 for a draft that
 * skipped the step or needs another direction. The change is one undoable edit of the draft.
 */
export function DirectionBar() {
  const directions = useAppStore((s) => s.resolved?.program.directions ?? null);
  const guideline = useAppStore((s) => s.current?.draft.guideline ?? null);
  const readOnly = useAppStore((s) => s.current?.draft.status === 'final');
  const [picking, setPicking] = useState<string[] | null>(null);
  if (!directions || directions.length === 0 || !guideline) return null;
  const names = findPathNames(directions, guideline.directionPath);
  const chosen = guideline.directionPath.length > 0;

  const apply = (): void => {
    if (!picking) return;
    useAppStore.getState().edit([{ target: 'guideline', id: 'guideline', value: { ...guideline, directionPath: picking } }], { separateStep: true });
    setPicking(null);
  };

  return (
    <div className="direction-bar" data-field="guideline.directionPath">
      {chosen ? (
        <Space wrap>
          <Typography.Text type="secondary">支持方向：</Typography.Text>
          <Typography.Text strong>{names.join(' › ')}</Typography.Text>
          {!readOnly && (
            <Button size="small" icon={<EditOutlined />} onClick={() => setPicking(guideline.directionPath)}>
              更改支持方向
            </Button>
          )}
        </Space>
      ) : (
        <Alert
          type="warning"
          showIcon
          message="还没有选择支持方向"
          action={
            !readOnly && (
              <Button size="small" type="primary" onClick={() => setPicking([])}>
                选择支持方向
              </Button>
            )
          }
        />
      )}
      <Modal
        open={picking !== null}
        title="选择支持方向"
        okText="确定"
        cancelText="取消"
        width={720}
        okButtonProps={{ disabled: !picking || picking.length === 0 }}
        onOk={apply}
        onCancel={() => setPicking(null)}
        destroyOnHidden
      >
        <DirectionStep directions={directions} value={picking ?? []} onChange={setPicking} />
      </Modal>
    </div>
  );
}
