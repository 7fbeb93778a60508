/**
 * Font stacks by role: the Windows names first (what 科技局 reviewers have), then macOS, then
 * Linux. On Linux the TrueType CJK faces (AR PL UMing / UKai, WenQuanYi Zen Hei) come before
 * Noto/Source Han CJK: those are OpenType with CFF outlines, which Chromium's PDF backend (Skia)
 * cannot embed as a CID font and writes as Type 3 glyph procedures, which some portals and print
 * shops reject. TrueType outlines are embedded as CIDFontType2 (see docs/book-and-pdf.md).
 */
const SERIF_FALLBACK = '"Songti SC", STSong, "AR PL UMing CN", "Noto Serif CJK SC", "Source Han Serif SC", "Noto Serif SC", serif';

export const FONT_STACKS = {
  title: `"方正小标宋简体", "方正小标宋_GBK", FZXiaoBiaoSong-B05S, "宋体", SimSun, ${SERIF_FALLBACK}`,
  heading: '"黑体", SimHei, "Heiti SC", STHeiti, "WenQuanYi Zen Hei", "Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans SC", sans-serif',
  subheading: `"楷体_GB2312", "楷体", KaiTi, STKaiti, "Kaiti SC", "AR PL UKai CN", ${SERIF_FALLBACK}`,
  body: `"仿宋_GB2312", FangSong_GB2312, "仿宋", FangSong, STFangsong, "FangSong SC", ${SERIF_FALLBACK}`,
  table: `"宋体", SimSun, ${SERIF_FALLBACK}`,
} as const;

/** 字号 in points: 二号 22, 三号 16, 四号 14, 小四 12, 五号 10.5, 小五 9. */
export const SIZES = { erhao: '22pt', sanhao: '16pt', sihao: '14pt', xiaosi: '12pt', wuhao: '10.5pt', xiaowu: '9pt' } as const;
