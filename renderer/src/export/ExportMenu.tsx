import { DownOutlined, ExportOutlined, FilePdfOutlined, FileWordOutlined, FileZipOutlined, SaveOutlined } from '@ant-design/icons';
import { Button, Dropdown, type MenuProps } from 'antd';
import { DocumentExportModal } from './DocumentExportModal';
import { goToExport } from './exportRoutes';
import { useDocumentExport } from './useDocumentExport';

interface Props {
  draftId: string;
  /** 导出草稿数据: offered where the page has a handler for it (the draft list, the editor). */
  onExportData?: () => void;
  size?: 'small' | 'middle';
  type?: 'link' | 'default' | 'primary';
}

export const EXPORT_DATA_LABEL = '导出草稿数据（用于备份或换电脑）';

/** 「导出」: Word, PDF and the 申报包, mounted in the draft list rows, the editor header and the review page. */
export function ExportMenu({ draftId, onExportData, size = 'middle', type = 'default' }: Props) {
  const exporter = useDocumentExport();
  const items: MenuProps['items'] = [
    { key: 'docx', icon: <FileWordOutlined />, label: '导出 Word（.docx）', disabled: exporter.busy },
    { key: 'pdf', icon: <FilePdfOutlined />, label: '导出 PDF', disabled: exporter.busy },
    { key: 'package', icon: <FileZipOutlined />, label: '生成申报包…' },
    ...(onExportData ? [{ type: 'divider' as const }, { key: 'data', icon: <SaveOutlined />, label: EXPORT_DATA_LABEL }] : []),
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'docx' || key === 'pdf') exporter.start(draftId, key);
    else if (key === 'package') goToExport(draftId);
    else if (key === 'data') onExportData?.();
  };
  return (
    <>
      <Dropdown menu={{ items, onClick }} trigger={['click']}>
        <Button size={size} type={type} icon={type === 'link' ? undefined : <ExportOutlined />} aria-label="导出">
          导出 <DownOutlined />
        </Button>
      </Dropdown>
      <DocumentExportModal state={exporter.state} onCancel={exporter.cancel} onClose={exporter.close} />
    </>
  );
}
