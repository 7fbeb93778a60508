import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALLOWED_WORDS } from '../../support/englishWords';
import { englishInSource } from '../../support/englishInSource';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/**
 * Besides the format names every message may use: key names on the keyboard (Ctrl, Shift, Enter),
 * file types the user picks or gets (.docx, PNG, JPEG, GIF, WebP), the command line's own verb
 * (shenbao verify) when the page sends the user there, the e-mail placeholder name@example.com,
 * HTTP in the message for a broken local server answer, and #root in the start-up failure text.
 */
const ALLOWED = new Set([...ALLOWED_WORDS, 'Ctrl', 'Shift', 'Enter', 'docx', 'PNG', 'JPEG', 'GIF', 'WebP', 'verify', 'name', 'example', 'com', 'HTTP', 'root']);

describe('the renderer shows Chinese', () => {
  it('the scanner finds English in JSX text and in Chinese strings, and leaves code alone', () => {
    const code = `const a = <Button className="primary">Save</Button>;\nconst b = message.error('保存失败：Network error');\nconst c = \`已导出 \${name} 个 files\`;\nconst d = 'ant-btn';`;
    expect(englishInSource('x.tsx', code, ALLOWED).map((f) => f.word)).toEqual(['Save', 'Network', 'error', 'files']);
  });

  it('no English word in any text of renderer/src', () => {
    const files = execFileSync('git', ['ls-files', 'renderer/src'], { cwd: ROOT, encoding: 'utf8' })
      .split('\n')
      .filter((f) => /\.tsx?$/.test(f));
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap((file) => englishInSource(file, readFileSync(path.join(ROOT, file), 'utf8'), ALLOWED).map((f) => `${file}:${f.line} ${f.word}「${f.text}」`));
    expect(found).toEqual([]);
  });
});
