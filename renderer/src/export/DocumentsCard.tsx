import { FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { Button, Card, Space, Typography } from 'antd';
import { DocumentExportModal } from './DocumentExportModal';
import { useDocumentExport } from './useDocumentExport';

/** 单份文档: the book as Word or PDF, with the same progress, 取消 and result as the 导出 menu. */
export function DocumentsCard({ draftId, watermark }: { draftId: string; watermark: boolean }) {
  const exporter = useDocumentExport();
  const running = exporter.state?.phase === 'running' ? exporter.state.kind : null;
  return (
    <Card title="单份文档" size="small">
      <Space direction="vertical">
        <Typography.Text type="secondary">
          {watermark ? '草稿仍有未解决的问题或尚未定稿，导出的文档带「草稿」水印。' : '已定稿且没有待解决的问题，导出的文档不带水印。'}
        </Typography.Text>
        <Space>
          <Button icon={<FileWordOutlined />} loading={running === 'docx'} disabled={exporter.busy} onClick={() => exporter.start(draftId, 'docx')}>
            导出 Word（.docx）
          </Button>
          <Button icon={<FilePdfOutlined />} loading={running === 'pdf'} disabled={exporter.busy} onClick={() => exporter.start(draftId, 'pdf')}>
            导出 PDF
          </Button>
        </Space>
      </Space>
      <DocumentExportModal state={exporter.state} onCancel={exporter.cancel} onClose={exporter.close} />
    </Card>
  );
}
