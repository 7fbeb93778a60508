import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Electron cannot be launched on every machine that runs the tests, so the security settings of
 * the shell are also checked statically: a change that weakens them fails here, not in review.
 */

const ROOT = resolve(import.meta.dirname, '../../..');

function sourcesUnder(dir: string): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...sourcesUnder(full));
    else if (/\.(ts|mts|cts|js|mjs|cjs)$/.test(name)) out.push({ path: relative(ROOT, full), text: readFileSync(full, 'utf8') });
  }
  return out;
}

/** Comments may mention forbidden settings when explaining why they are off; only code counts. */
function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

/** The argument text of every `new BrowserWindow(...)`, found by matching parentheses. */
function browserWindowArgs(code: string): string[] {
  const found: string[] = [];
  const re = /new\s+BrowserWindow\s*\(/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(code)) !== null) {
    let depth = 1;
    let i = m.index + m[0].length;
    const start = i;
    while (i < code.length && depth > 0) {
      if (code[i] === '(') depth++;
      else if (code[i] === ')') depth--;
      i++;
    }
    found.push(code.slice(start, i - 1));
  }
  return found;
}

const WEAKENING: [RegExp, string][] = [
  [/contextIsolation\s*:\s*(false|!)/, 'contextIsolation 被关闭'],
  [/sandbox\s*:\s*(false|!)/, 'sandbox 被关闭'],
  [/webSecurity\s*:\s*(false|!)/, 'webSecurity 被关闭'],
  [/nodeIntegration(InSubFrames|InWorker)?\s*:\s*(true|!)/, 'nodeIntegration 被打开'],
  [/allowRunningInsecureContent\s*:\s*(true|!)/, 'allowRunningInsecureContent 被打开'],
  [/webviewTag\s*:\s*(true|!)/, 'webviewTag 被打开'],
  [/experimentalFeatures\s*:\s*true/, 'experimentalFeatures 被打开'],
  [/appendSwitch\(\s*['"]no-sandbox/, '用命令行开关关闭了沙箱'],
  [/disable-web-security/, '用命令行开关关闭了 webSecurity'],
];

const REQUIRED_IN_WINDOW: [RegExp, string][] = [
  [/contextIsolation\s*:\s*true/, 'contextIsolation: true'],
  [/sandbox\s*:\s*true/, 'sandbox: true'],
  [/nodeIntegration\s*:\s*false/, 'nodeIntegration: false'],
  [/webSecurity\s*:\s*true/, 'webSecurity: true'],
  [/webviewTag\s*:\s*false/, 'webviewTag: false'],
];

const REQUIRED_IN_MAIN: [RegExp, string][] = [
  [/['"]will-navigate['"]/, 'will-navigate 处理'],
  [/setWindowOpenHandler\(\s*\(\)\s*=>\s*\(\{\s*action:\s*'deny'\s*\}\)\s*\)/, 'setWindowOpenHandler 拒绝新窗口'],
  [/['"]will-attach-webview['"]/, 'will-attach-webview 阻止'],
  [/['"]web-contents-created['"]/, 'web-contents-created 守卫'],
  [/setPermissionRequestHandler\(/, 'setPermissionRequestHandler'],
  [/setPermissionCheckHandler\(/, 'setPermissionCheckHandler'],
  [/enableSandbox\(\)/, 'app.enableSandbox()'],
  [/senderFrame/, 'IPC 发送方检查'],
];

function mainProblems(sources: { path: string; text: string }[]): string[] {
  const problems: string[] = [];
  const all = sources.map((s) => stripComments(s.text)).join('\n');
  for (const { path, text } of sources) {
    const code = stripComments(text);
    for (const [re, what] of WEAKENING) if (re.test(code)) problems.push(`${path}: ${what}`);
    for (const args of browserWindowArgs(code)) {
      for (const [re, what] of REQUIRED_IN_WINDOW) if (!re.test(args)) problems.push(`${path}: BrowserWindow 缺少 ${what}`);
      if (/webPreferences\s*:(?!\s*\{)/.test(args) || /webPreferences\s*:\s*\{[^}]*\.\.\./.test(args)) {
        problems.push(`${path}: webPreferences 必须是字面量对象，便于检查`);
      }
    }
  }
  for (const [re, what] of REQUIRED_IN_MAIN) if (!re.test(all)) problems.push(`electron/main: 缺少 ${what}`);
  return problems;
}

function preloadProblems(sources: { path: string; text: string }[]): string[] {
  const problems: string[] = [];
  for (const { path, text } of sources) {
    const code = stripComments(text);
    // ipcRenderer may appear only in its import and as `ipcRenderer.invoke(` on a fixed channel.
    const uses = code.replace(/import\s*\{[^}]*\}\s*from\s*['"]electron['"]/g, '').match(/\bipcRenderer\b(\s*\.\s*\w+)?/g) ?? [];
    for (const use of uses) if (!/^ipcRenderer\s*\.\s*invoke$/.test(use)) problems.push(`${path}: 不得暴露或直接使用 ${use}`);
    if (/exposeInMainWorld\([^)]*\bipcRenderer\b/.test(code)) problems.push(`${path}: exposeInMainWorld 暴露了 ipcRenderer`);
    if (/from\s+['"](zod|.*\/contract)['"]/.test(code.replace(/import\s+type[^;]+;/g, ''))) problems.push(`${path}: preload 不得在运行时导入 zod 或契约`);
    if (!/satisfies\s+Api\b/.test(code)) problems.push(`${path}: 暴露的对象必须 satisfies Api`);
  }
  return problems;
}

/**
 * `shell.openExternal` hands a URL to the OS: it may only be called on a URL that went through the
 * allowlist check in the same function (`isAllowedExternalUrl(url)` guarding the call).
 */
function openExternalProblems(sources: { path: string; text: string }[]): string[] {
  const problems: string[] = [];
  for (const { path, text } of sources) {
    const code = stripComments(text);
    const re = /openExternal\s*\(\s*([A-Za-z_$][\w$]*)?/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(code)) !== null) {
      const arg = m[1];
      const before = code.slice(Math.max(0, m.index - 400), m.index);
      const guarded = arg !== undefined && new RegExp(`isAllowedExternalUrl\\(\\s*${arg.replace(/\$/g, '\\$')}\\s*\\)`).test(before);
      if (!guarded) problems.push(`${path}: shell.openExternal 的参数未经白名单检查`);
    }
  }
  return problems;
}

describe('the checker itself', () => {
  it('flags openExternal on a URL that skipped the allowlist', () => {
    expect(openExternalProblems([{ path: 'o.ts', text: 'shell.openExternal(event.url);' }])).toEqual(['o.ts: shell.openExternal 的参数未经白名单检查']);
    expect(openExternalProblems([{ path: 'o.ts', text: "shell.openExternal('https://x.test');" }])).toEqual(['o.ts: shell.openExternal 的参数未经白名单检查']);
    expect(
      openExternalProblems([{ path: 'ok.ts', text: 'if (!isAllowedExternalUrl(url)) return;\nawait shell.openExternal(url);' }]),
    ).toEqual([]);
  });

  it('flags weakened windows, missing guards and an exposed ipcRenderer', () => {
    const bad = [
      {
        path: 'bad.ts',
        text: `const w = new BrowserWindow({ webPreferences: { contextIsolation: false, sandbox: true, nodeIntegration: true, webSecurity: true, webviewTag: false } });`,
      },
    ];
    const problems = mainProblems(bad);
    expect(problems).toContain('bad.ts: contextIsolation 被关闭');
    expect(problems).toContain('bad.ts: nodeIntegration 被打开');
    expect(problems).toContain('electron/main: 缺少 will-navigate 处理');
    expect(problems).toContain('electron/main: 缺少 setWindowOpenHandler 拒绝新窗口');
    const spread = mainProblems([{ path: 's.ts', text: 'new BrowserWindow({ webPreferences: { ...prefs } })' }]);
    expect(spread).toContain('s.ts: BrowserWindow 缺少 sandbox: true');
    expect(preloadProblems([{ path: 'p.ts', text: "contextBridge.exposeInMainWorld('ipc', ipcRenderer);" }])).toEqual(
      expect.arrayContaining(['p.ts: exposeInMainWorld 暴露了 ipcRenderer', 'p.ts: 不得暴露或直接使用 ipcRenderer']),
    );
    expect(preloadProblems([{ path: 'q.ts', text: "const api = { on: (c, f) => ipcRenderer.on(c, f) } satisfies Api;" }])).toEqual([
      'q.ts: 不得暴露或直接使用 ipcRenderer.on',
    ]);
  });
});

describe('Electron shell hardening (static)', () => {
  it('electron/main keeps every BrowserWindow locked down and installs the guards', () => {
    const sources = sourcesUnder(join(ROOT, 'electron/main'));
    expect(sources.some((s) => /new\s+BrowserWindow\s*\(/.test(s.text))).toBe(true);
    expect(mainProblems(sources)).toEqual([]);
  });

  it('electron/preload exposes named invoke wrappers only', () => {
    const sources = sourcesUnder(join(ROOT, 'electron/preload'));
    expect(sources.length).toBeGreaterThan(0);
    expect(preloadProblems(sources)).toEqual([]);
  });

  it('shell.openExternal is only called on allowlisted URLs', () => {
    const sources = ['electron/main', 'electron/preload'].flatMap((dir) => sourcesUnder(join(ROOT, dir)));
    expect(openExternalProblems(sources)).toEqual([]);
  });

  it('the packaged binary is built with hardened Electron fuses', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { build?: { electronFuses?: Record<string, boolean>; asar?: boolean } };
    expect(pkg.build?.asar).toBe(true);
    expect(pkg.build?.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('only electron/main and electron/preload import electron', () => {
    const offenders = ['electron/services', 'electron/web', 'electron/cli', 'shared']
      .flatMap((dir) => sourcesUnder(join(ROOT, dir)))
      .filter((s) => /from\s+['"]electron(\/[^'"]*)?['"]|require\(\s*['"]electron['"]\s*\)/.test(stripComments(s.text)))
      .map((s) => s.path);
    expect(offenders).toEqual([]);
  });
});
