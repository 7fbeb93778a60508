import { FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../api/client';
import { useAppStore } from '../store';
import { downloadBase64 } from './downloadBytes';

/** 单份文档: the book as Word or PDF, downloaded through a Blob link. */
export function DocumentsCard({ draftId, watermark }: { draftId: string; watermark: boolean }) {
  const exportDocument = useAppStore((s) => s.exportDocument);
  const [busy, setBusy] = useState<'docx' | 'pdf' | null>(null);
  const { message } = AntApp.useApp();

  const run = async (kind: 'docx' | 'pdf'): Promise<void> => {
    setBusy(kind);
    try {
      const doc = await exportDocument(draftId, kind);
      downloadBase64(doc.fileName, doc.base64, doc.mediaType);
      message.success(`已导出「${doc.fileName}」`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card title="单份文档" size="small">
      <Space direction="vertical">
        <Typography.Text type="secondary">
          {watermark ? '草稿仍有错误或尚未定稿，导出的文档带「草稿」水印。' : '草稿已定稿且没有错误，导出的文档不带水印。'}
        </Typography.Text>
        <Space>
          <Button icon={<FileWordOutlined />} loading={busy === 'docx'} disabled={busy !== null} onClick={() => void run('docx')}>
            导出 Word（.docx）
          </Button>
          <Button icon={<FilePdfOutlined />} loading={busy === 'pdf'} disabled={busy !== null} onClick={() => void run('pdf')}>
            导出 PDF
          </Button>
        </Space>
      </Space>
    </Card>
  );
}
