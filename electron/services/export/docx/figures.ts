import { AlignmentType, ImageRun, Paragraph, type FileChild } from 'docx';
import type { FigureBlock } from '../../../../shared/book/ast';
import { AppError } from '../../../../shared/ipc/errors';
import { imageInfo } from './imageSize';
import { TEXT_HEIGHT, TEXT_WIDTH, TWIPS_PER_PIXEL } from './page';
import { STYLE } from './styles';

/** A figure never takes more than this share of the text height, so its caption stays on the page. */
const MAX_HEIGHT_SHARE = 0.6;
const DEFAULT_WIDTH_SHARE = 0.8;

/** Display size in pixels (96 dpi): the AST's share of the text width, aspect ratio kept, height capped. */
export function figureSize(pixelWidth: number, pixelHeight: number, share = DEFAULT_WIDTH_SHARE): { width: number; height: number } {
  const clamped = Math.min(1, Math.max(0.1, share));
  let width = (TEXT_WIDTH / TWIPS_PER_PIXEL) * clamped;
  let height = (width * pixelHeight) / pixelWidth;
  const maxHeight = (TEXT_HEIGHT / TWIPS_PER_PIXEL) * MAX_HEIGHT_SHARE;
  if (height > maxHeight) {
    width = (width * maxHeight) / height;
    height = maxHeight;
  }
  return { width: Math.round(width), height: Math.round(height) };
}

const EMBEDDABLE = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/bmp']);

/**
 * The image centred on its own line, kept with its caption below it. A format Word cannot embed
 * (WebP, SVG…) prints a visible note in its place — the file itself still travels in the package;
 * bytes that contradict their declared format are a corrupt attachment and stop the export.
 */
export function figureBlock(block: FigureBlock, data: Buffer): FileChild[] {
  const info = imageInfo(data);
  if (!info && !EMBEDDABLE.has(block.mediaType)) {
    return [
      new Paragraph({ style: STYLE.caption, keepNext: true, text: `〔此图片为 ${block.mediaType} 格式，Word 文档无法嵌入，请查阅附件原文件〕` }),
      new Paragraph({ style: STYLE.caption, text: block.caption }),
    ];
  }
  if (!info) throw new AppError('corrupt_file', `图片「${block.caption}」的内容不是有效的图片文件，请在附件页重新上传`);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: 120 },
      children: [
        new ImageRun({
          type: info.type,
          data,
          transformation: figureSize(info.width, info.height, block.width),
          altText: { name: block.caption, description: block.caption, title: block.caption },
        }),
      ],
    }),
    new Paragraph({ style: STYLE.caption, text: block.caption }),
  ];
}
