import { Empty } from 'antd';
import { useMemo, useRef } from 'react';
import { renderBookHtml } from '../../../shared/book/html/index';
import { readCspNonce } from '../app/cspNonce';
import { useFigureSources } from './useFigureSources';
import { usePreviewBook } from './usePreviewBook';
import { usePreviewScroll } from './usePreviewScroll';
import './preview.css';

/**
 * The live preview: the same book and HTML the PDF is printed from, in a sandboxed srcdoc frame
 * (no scripts). The srcdoc inherits this page's CSP, so its one style element carries our nonce.
 */
export function PreviewPane({ sectionId }: { sectionId: string | null }) {
  const book = usePreviewBook();
  const figures = useFigureSources(book);
  const frame = useRef<HTMLIFrameElement>(null);
  const onLoad = usePreviewScroll(frame, sectionId);
  const html = useMemo(
    () => (book ? renderBookHtml(book, { styleNonce: readCspNonce(), forPrint: false, figureSrc: (sha256) => figures.get(sha256) }) : null),
    [book, figures],
  );
  if (!html) return <Empty className="preview-empty" description="选择指南和计划类别后即可预览申报书" />;
  return <iframe ref={frame} className="preview-frame" title="申报书预览" sandbox="allow-same-origin" srcDoc={html} onLoad={onLoad} />;
}
