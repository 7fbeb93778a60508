import { ExportOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { goToExport } from './exportRoutes';

interface Props {
  draftId: string;
  type?: 'primary' | 'default';
}

/** Opens the export page of a draft (Word, PDF, 申报包); other pages mount it in their toolbars. */
export function ExportButton({ draftId, type = 'default' }: Props) {
  return (
    <Button type={type} icon={<ExportOutlined />} onClick={() => goToExport(draftId)} data-testid="export-button">
      导出
    </Button>
  );
}
