import type { Command } from './registry';

const HEADER = `申报通命令行工具

用法：shenbao [--data-dir <数据目录>] <命令> [参数]

全局选项：
  --data-dir <目录>   数据目录（优先于环境变量 SHENBAO_DATA_DIR，否则使用系统默认目录）
  -h, --help          显示帮助
`;

const FOOTER = `
退出码：0 成功；1 检查未通过或操作失败；2 输入有误（未知命令、参数错误、文件无法读取或已损坏、编号不存在）。
`;

/** Terminal columns: CJK characters take two, so padEnd alone would misalign the table. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return width;
}

export function helpText(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => displayWidth(c.usage)));
  const lines = commands.map((c) => `  ${c.usage}${' '.repeat(width - displayWidth(c.usage))}  ${c.summary}`);
  return `${HEADER}\n命令：\n${lines.join('\n')}\n${FOOTER}`;
}

export function commandHelp(command: Command): string {
  return `用法：shenbao ${command.usage}\n\n${command.summary}\n`;
}
