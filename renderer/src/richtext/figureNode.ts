import { Node, mergeAttributes } from '@tiptap/core';
import { attachmentDataUrl } from './attachmentImages';

export interface FigureAttrs {
  sha256: string;
  mediaType: string;
  caption: string;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    figure: {
      insertFigure: (attrs: FigureAttrs) => ReturnType;
      setFigureCaption: (caption: string) => ReturnType;
    };
  }
}

/**
 * 图 with 题注: an attachment of the library referenced by hash, never embedded in the draft.
 * A plain DOM node view (not React) so a long narrative with figures stays cheap to redraw; the
 * image arrives asynchronously as a data: URL, and the caption is always set as text.
 */
export const Figure = Node.create({
  name: 'figure',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,
  addAttributes() {
    return {
      sha256: { default: '' },
      mediaType: { default: 'image/png' },
      caption: { default: '' },
    };
  },
  parseHTML: () => [{ tag: 'figure[data-sha256]', getAttrs: (el) => ({ sha256: el.getAttribute('data-sha256') ?? '', mediaType: el.getAttribute('data-media-type') ?? 'image/png', caption: el.textContent ?? '' }) }],
  renderHTML: ({ node, HTMLAttributes }) => [
    'figure',
    mergeAttributes(HTMLAttributes, { 'data-sha256': node.attrs.sha256 as string, 'data-media-type': node.attrs.mediaType as string, class: 'rt-figure' }),
    ['figcaption', {}, node.attrs.caption as string],
  ],
  addCommands() {
    return {
      insertFigure:
        (attrs) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs }),
      setFigureCaption:
        (caption) =>
        ({ commands }) =>
          commands.updateAttributes(this.name, { caption }),
    };
  },
  addNodeView() {
    return ({ node }) => {
      const dom = document.createElement('figure');
      dom.className = 'rt-figure';
      dom.contentEditable = 'false';
      const img = document.createElement('img');
      img.className = 'rt-figure-image';
      const caption = document.createElement('figcaption');
      dom.append(img, caption);
      let sha = '';
      const show = (attrs: FigureAttrs): void => {
        caption.textContent = attrs.caption === '' ? '（无题注）' : attrs.caption;
        img.alt = attrs.caption === '' ? '插图' : attrs.caption;
        if (attrs.sha256 === sha) return;
        sha = attrs.sha256;
        img.removeAttribute('src');
        dom.classList.remove('rt-figure-missing');
        attachmentDataUrl(sha).then(
          (url) => {
            if (sha === attrs.sha256) img.src = url;
          },
          () => {
            dom.classList.add('rt-figure-missing');
            img.alt = `图片不在附件库中：${attrs.caption}`;
          },
        );
      };
      show(node.attrs as FigureAttrs);
      return {
        dom,
        update: (next) => {
          if (next.type.name !== 'figure') return false;
          show(next.attrs as FigureAttrs);
          return true;
        },
      };
    };
  },
});
