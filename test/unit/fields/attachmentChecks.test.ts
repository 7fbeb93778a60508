import { describe, expect, it } from 'vitest';
import { attachmentProblem } from '../../../renderer/src/fields/attachmentChecks';

const MB = 1024 * 1024;
const item = { name: '营业执照', accept: ['.pdf', '.jpg'], maxSizeMb: 20 };

describe('attachment slot checks before upload', () => {
  it('accepts a file of an allowed type and size, whatever the case of its extension', () => {
    expect(attachmentProblem(item, { name: '执照.PDF', size: 3 * MB })).toBeNull();
  });

  it('refuses another type, naming what is accepted', () => {
    expect(attachmentProblem(item, { name: '执照.docx', size: 10 })).toBe('「执照.docx」的类型不符合「营业执照」的要求，只接受 .pdf、.jpg 文件');
  });

  it('refuses a file over the slot limit, and over the app cap when the slot allows more', () => {
    expect(attachmentProblem(item, { name: 'a.pdf', size: 21 * MB })).toContain('超过「营业执照」允许的 20 MB');
    expect(attachmentProblem({ name: '视频', maxSizeMb: 500 }, { name: 'v.mp4', size: 51 * MB })).toContain('允许的 50 MB');
  });

  it('refuses an empty file', () => {
    expect(attachmentProblem({ name: '其他' }, { name: 'x.pdf', size: 0 })).toBe('「x.pdf」是空文件');
  });
});
