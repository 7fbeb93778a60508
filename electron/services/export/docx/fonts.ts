/**
 * Fonts and sizes by typographic role. Each role names its East Asian font (the one the
 * Chinese text is set in) and a Latin font for digits and letters, because a Latin-only
 * `w:rFonts` makes Word set Chinese in whatever its default East Asian font is.
 *
 * Sizes are in half-points (the unit of `w:sz`): 二号 22 pt = 44, 三号 16 pt = 32,
 * 四号 14 pt = 28, 小四 12 pt = 24, 五号 10.5 pt = 21, 小五 9 pt = 18.
 */
export interface RoleFont {
  eastAsia: string;
  latin: string;
  size: number;
}

export const SIZE = { erhao: 44, sanhao: 32, sihao: 28, xiaosi: 24, wuhao: 21, xiaowu: 18 } as const;

const TIMES = 'Times New Roman';

export const FONTS = {
  title: { eastAsia: '方正小标宋简体', latin: TIMES, size: SIZE.erhao },
  heading: { eastAsia: '黑体', latin: TIMES, size: SIZE.sanhao },
  subheading: { eastAsia: '楷体_GB2312', latin: TIMES, size: SIZE.sanhao },
  body: { eastAsia: '仿宋_GB2312', latin: TIMES, size: SIZE.sanhao },
  table: { eastAsia: '宋体', latin: TIMES, size: SIZE.xiaosi },
  note: { eastAsia: '仿宋_GB2312', latin: TIMES, size: SIZE.sihao },
  caption: { eastAsia: '宋体', latin: TIMES, size: SIZE.wuhao },
  pageNumber: { eastAsia: '宋体', latin: '宋体', size: SIZE.sihao },
  header: { eastAsia: '宋体', latin: TIMES, size: SIZE.xiaowu },
  provenance: { eastAsia: '宋体', latin: TIMES, size: SIZE.xiaowu },
} as const satisfies Record<string, RoleFont>;

/**
 * The fallback of each font the reader may not have. They are written to the font table as
 * `w:altName`: Word and WPS substitute the alternative when the primary font is not installed,
 * instead of guessing by panose/charset (which for 方正小标宋简体 can land on a sans face).
 */
export const FONT_FALLBACKS: Readonly<Record<string, string>> = {
  方正小标宋简体: '宋体',
  仿宋_GB2312: '仿宋',
  楷体_GB2312: '楷体',
};

/** The `w:rFonts` of a role: East Asian name for Chinese, Latin name for ASCII and high ANSI. */
export function runFont(role: RoleFont): { eastAsia: string; ascii: string; hAnsi: string; cs: string } {
  return { eastAsia: role.eastAsia, ascii: role.latin, hAnsi: role.latin, cs: role.latin };
}

/** Line spacing 28 pt exactly (GB/T 9704: 22 lines of 三号 per page), in twips. */
export const BODY_LINE = 560;
/** 首行缩进两字 for a 三号 body: two 16 pt characters. */
export const BODY_INDENT = { firstLineChars: 200, firstLine: 2 * 16 * 20 } as const;
