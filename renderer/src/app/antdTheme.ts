import type { ThemeConfig } from 'antd';

/**
 * The one antd theme of the renderer. The build renders antd's component styles with it into a
 * static stylesheet (scripts/antdStaticStyles.ts); antd skips generating at run time exactly the
 * styles whose theme matches, so main.tsx and the build must use this same object.
 */
export const ANTD_THEME: ThemeConfig = { token: { colorPrimary: '#1677ff', borderRadius: 6 } };
