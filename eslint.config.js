import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import sdl from '@microsoft/eslint-plugin-sdl';

// Bare builtin names go in `paths` (exact module names) so a relative file like `../ipc/http` is not caught.
const nodeBuiltinNames = ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'stream', 'zlib', 'worker_threads'];
const nodeBuiltins = ['node:*', ...nodeBuiltinNames.map((name) => `=${name}`)];
const forbid = (patterns, message) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: patterns.filter((p) => p.startsWith('=')).map((p) => ({ name: p.slice(1), message })),
      patterns: patterns.filter((p) => !p.startsWith('=')).map((group) => ({ group: [group], message })),
    },
  ],
});

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', '.native/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Microsoft SDL rules: no eval-likes, no HTML sinks, no insecure URLs, no Electron node integration.
  ...sdl.configs.common,
  ...sdl.configs.electron,
  ...sdl.configs.node,
  {
    rules: {
      // Loopback is the browser-mode host's whole point; every other plain-http URL stays an error.
      '@microsoft/sdl/no-insecure-url': ['error', { exceptions: ['^http://127\\.0\\.0\\.1', '^http://localhost', '^http://\\[::1\\]', '^http://www\\.w3\\.org/', '^http://schemas\\.'] }],
    },
  },
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    // Tests deliberately use hostile plain-http origins to prove they are refused.
    files: ['test/**/*.ts'],
    rules: { '@microsoft/sdl/no-insecure-url': 'off' },
  },
  {
    files: ['shared/**/*.{ts,tsx}'],
    rules: forbid(['electron', 'electron/*', 'better-sqlite3', ...nodeBuiltins], 'shared/ 必须保持纯净：不得导入 electron、node: 或原生模块'),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/set-state-in-effect': 'off',
      ...forbid(['electron', 'electron/*', 'better-sqlite3', ...nodeBuiltins, '**/electron/**'], 'renderer 只能通过 window.api 访问服务'),
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: '禁止 dangerouslySetInnerHTML' },
        { selector: "AssignmentExpression[left.property.name='innerHTML']", message: '禁止写 innerHTML' },
      ],
    },
  },
  {
    files: ['electron/services/**/*.ts', 'electron/web/**/*.ts', 'electron/cli/**/*.ts'],
    rules: forbid(['electron', 'electron/*'], '只有 electron/main 和 electron/preload 可以导入 electron'),
  },
  {
    // Journeys start where the user starts: one helper opens the home page, every other page is reached by clicks.
    files: ['test/e2e/**/*.ts'],
    ignores: ['test/e2e/browser/pages/openApp.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='goto']", message: '端到端测试只能用 openApp() 打开首页，其他页面必须靠点击到达' },
        { selector: "AssignmentExpression[left.property.name='hash']", message: '端到端测试不能改地址栏跳到内部页面，必须靠点击到达' },
      ],
    },
  },
);
