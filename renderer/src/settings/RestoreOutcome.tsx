import { Alert, List } from 'antd';
import type { RestoreResult } from '../store/backupSlice';

/** What a restore did, and the attachment files the restored drafts need but this computer lacks. */
export function RestoreOutcome({ result }: { result: RestoreResult }) {
  return (
    <Alert
      type={result.missingAttachments.length > 0 ? 'warning' : 'success'}
      showIcon
      data-testid="restore-outcome"
      message={`已从备份 ${result.restoredFrom} 恢复`}
      description={
        <>
          {result.safetyBackup && <div>恢复前的数据已另存为备份 {result.safetyBackup}，需要时可从它恢复回来。</div>}
          {result.missingAttachments.length > 0 && (
            <>
              <div>备份不含附件文件。以下附件在本机找不到，请在对应草稿中重新添加：</div>
              <List
                size="small"
                dataSource={result.missingAttachments}
                renderItem={(m) => (
                  <List.Item key={`${m.draftTitle}-${m.sha256}`}>
                    {m.draftTitle}：{m.name}
                  </List.Item>
                )}
              />
            </>
          )}
        </>
      }
    />
  );
}
