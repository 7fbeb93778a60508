import { DeleteOutlined, InboxOutlined, PaperClipOutlined } from '@ant-design/icons';
import { App, Button, List, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { AttachmentRef } from '../../../shared/model/draft';
import type { AttachmentItem } from '../../../shared/pack/pack';
import { formatFileSize } from '../../../shared/text/fileSize';
import { call, errorMessage } from '../api/client';
import { undoableMessage } from '../app/undoableMessage';
import { useAppStore } from '../store';
import { attachmentProblem } from './attachmentChecks';
import { readFileBase64 } from './readFileBase64';

const NO_FILES: AttachmentRef[] = [];

/**
 * Whether the one result list requires this item now: its presence rule applies (必需), does not
 * (不适用), or waits for what decides it (待定, e.g. 单位性质); an item without one is 可选.
 */
function useRequirement(item: AttachmentItem): 'required' | 'notApplicable' | 'pending' | 'optional' {
  return useAppStore((s) => {
    const present = s.results.find((r) => r.ruleId === `${item.id}.present`);
    if (!present) return item.required ? 'required' : 'optional';
    return present.outcome === 'notApplicable' ? 'notApplicable' : present.outcome === 'pending' ? 'pending' : 'required';
  });
}

/** One checklist item: 必需/可选 (never both 必需 and 不适用), its files, and a drop zone / file picker. */
export function AttachmentSlot({ item }: { item: AttachmentItem }) {
  const { message } = App.useApp();
  const files = useAppStore((s) => s.current?.draft.attachments[item.id] ?? NO_FILES);
  const requirement = useRequirement(item);
  const applies = requirement !== 'notApplicable';
  const readOnly = useAppStore((s) => s.current?.draft.status === 'final');
  const edit = useAppStore((s) => s.edit);
  const [uploading, setUploading] = useState(false);

  const upload = async (file: File): Promise<void> => {
    const problem = attachmentProblem(item, file);
    if (problem) {
      void message.error(problem);
      return;
    }
    setUploading(true);
    try {
      const ref = await call('attachmentsPut', { name: file.name, mediaType: file.type, dataBase64: await readFileBase64(file) });
      // Read again: another upload may have finished meanwhile.
      const now = useAppStore.getState().current?.draft.attachments[item.id] ?? [];
      edit([{ target: 'attachments', id: item.id, value: [...now, ref] }]);
      void message.success(`已添加「${file.name}」`);
    } catch (e) {
      void message.error(`添加「${file.name}」失败：${errorMessage(e)}`);
    } finally {
      setUploading(false);
    }
  };

  /** Removal is one edit (Ctrl+Z undoes it too) with 撤销 in its message: the file stays in the store meanwhile. */
  const remove = (file: AttachmentRef, index: number): void => {
    edit([{ target: 'attachments', id: item.id, value: files.filter((_, i) => i !== index) }]);
    undoableMessage(message, `attachment-removed-${item.id}-${file.sha256}`, `已移除「${file.name}」。`, () => {
      const now = useAppStore.getState().current?.draft.attachments[item.id] ?? [];
      edit([{ target: 'attachments', id: item.id, value: [...now.slice(0, index), file, ...now.slice(index)] }]);
      void message.success(`已恢复「${file.name}」`);
    });
  };

  return (
    <div className={`attachment-slot${applies ? '' : ' attachment-slot-na'}`}>
      <div className="attachment-slot-head">
        <Typography.Text strong>{item.name}</Typography.Text>
        {requirement === 'required' && <Tag color="blue">必需</Tag>}
        {requirement === 'optional' && <Tag>可选</Tag>}
        {requirement === 'pending' && <Tag>待定（取决于尚未填写的内容）</Tag>}
        {requirement === 'notApplicable' && <Tag color="default">不适用于本申报</Tag>}
        {item.accept && <Typography.Text type="secondary">格式：{item.accept.join('、')}</Typography.Text>}
        {item.maxSizeMb !== undefined && <Typography.Text type="secondary">不超过 {item.maxSizeMb} MB</Typography.Text>}
      </div>
      {item.description && <Typography.Paragraph type="secondary">{item.description}</Typography.Paragraph>}
      {files.length > 0 && (
        <List
          size="small"
          dataSource={files}
          renderItem={(f, index) => (
            <List.Item
              key={`${f.sha256}-${index}`}
              actions={
                readOnly
                  ? []
                  : [
                      <Button
                        key="remove"
                        size="small"
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={`移除附件 ${f.name}`}
                        onClick={() => remove(f, index)}
                      />,
                    ]
              }
            >
              <PaperClipOutlined /> <Typography.Text>{f.name}</Typography.Text> <Typography.Text type="secondary">{formatFileSize(f.size)}</Typography.Text>
            </List.Item>
          )}
        />
      )}
      {!readOnly && (
        <Upload.Dragger
          multiple
          accept={item.accept?.join(',')}
          showUploadList={false}
          disabled={uploading}
          beforeUpload={(file) => {
            void upload(file);
            // The file goes through attachmentsPut, never antd's own request.
            return Upload.LIST_IGNORE;
          }}
        >
          <p className="attachment-drop-icon">
            <InboxOutlined />
          </p>
          <p>{uploading ? '正在添加…' : `将文件拖到这里，或点击选择文件（${item.name}）`}</p>
        </Upload.Dragger>
      )}
    </div>
  );
}
