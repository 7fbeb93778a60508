/**
 * Font stacks by role: the Windows names first (what 科技局 reviewers have), then macOS,
 * then the Noto/Source Han CJK fonts Linux ships, so every platform hits a real CJK face.
 */
const SERIF_FALLBACK = '"Songti SC", STSong, "Noto Serif CJK SC", "Source Han Serif SC", "Noto Serif SC", serif';

export const FONT_STACKS = {
  title: `"方正小标宋简体", "方正小标宋_GBK", FZXiaoBiaoSong-B05S, "宋体", SimSun, ${SERIF_FALLBACK}`,
  heading: '"黑体", SimHei, "Heiti SC", STHeiti, "Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans SC", sans-serif',
  subheading: `"楷体_GB2312", "楷体", KaiTi, STKaiti, "Kaiti SC", ${SERIF_FALLBACK}`,
  body: `"仿宋_GB2312", FangSong_GB2312, "仿宋", FangSong, STFangsong, "FangSong SC", ${SERIF_FALLBACK}`,
  table: `"宋体", SimSun, ${SERIF_FALLBACK}`,
} as const;

/** 字号 in points: 二号 22, 三号 16, 四号 14, 小四 12, 五号 10.5, 小五 9. */
export const SIZES = { erhao: '22pt', sanhao: '16pt', sihao: '14pt', xiaosi: '12pt', wuhao: '10.5pt', xiaowu: '9pt' } as const;
