import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures';
import { NewDraftPage } from './pages/NewDraftPage';
import { openApp } from './pages/openApp';
import { StudioPage } from './pages/StudioPage';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const PACK = JSON.parse(readFileSync(path.join(ROOT, 'resources/guidelines/chengguan-2020/pack.json'), 'utf8')) as { clauses: { quote: string }[] } & Record<string, unknown>;
const SOURCE = readFileSync(path.join(ROOT, 'resources/guidelines/chengguan-2020/source.txt'), 'utf8');
const TITLE = '城关区导入测试指南';

test.afterEach(({ pageProblems }) => {
  expect(pageProblems, '页面不应有控制台错误或 CSP 违规').toEqual([]);
});

/** A pack file as someone would hand it over: a pack.json and its source.txt written by the test (a built-in pack under a new id). */
async function writePack(changes: (pack: typeof PACK) => typeof PACK): Promise<{ packFile: string; sourceFile: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'shenbao-e2e-import-'));
  const pack = changes(structuredClone(PACK));
  const packFile = path.join(dir, 'pack.json');
  const sourceFile = path.join(dir, 'source.txt');
  writeFileSync(packFile, JSON.stringify(pack, null, 2));
  writeFileSync(sourceFile, SOURCE);
  return { packFile, sourceFile };
}

test('导入指南包: a broken pack is refused naming the place; the good one is installed and offered in 新建申报书', async ({ page, appUrl }) => {
  const studio = new StudioPage(page);
  await openApp(page, appUrl);
  await studio.openFromHome();

  await test.step('a notice file over 20 MB is refused by name before it is read', async () => {
    await page.getByLabel('选择通知文件').setInputFiles({ name: '超大通知.txt', mimeType: 'text/plain', buffer: Buffer.alloc(21 * 1024 * 1024, 0x41) });
    await expect(page.getByRole('alert').filter({ hasText: '超大通知.txt' })).toContainText('不能超过 20 MB');
  });

  await test.step('a quote not in the source text is refused, with the place named, and nothing installed', async () => {
    const broken = await writePack((p) => {
      p.id = 'import-test';
      p.title = TITLE;
      p.clauses[0]!.quote = '这句话不在通知原文中';
      return p;
    });
    await studio.importPack(broken.packFile, broken.sourceFile);
    const refused = page.getByRole('alert').filter({ hasText: '指南包未导入' });
    await expect(refused).toContainText('clauses.0.quote');
    await expect(page.getByText(/^已导入指南包/)).toHaveCount(0);
  });

  await test.step('the pack as it should be is installed: its id and version are named', async () => {
    const good = await writePack((p) => ({ ...p, id: 'import-test', title: TITLE, version: '2.0.0' }));
    await studio.importPack(good.packFile, good.sourceFile);
    await expect(page.getByText(`已导入指南包「${TITLE}」（编号 import-test，2.0.0 版）`)).toBeVisible();
    await expect(page.getByText('指南包未导入')).toHaveCount(0);
  });

  await test.step('it is offered in 新建申报书', async () => {
    await page.getByRole('link', { name: '新建申报书' }).click();
    const newDraft = new NewDraftPage(page);
    await newDraft.waitLoaded();
    await expect(page.getByRole('radio', { name: new RegExp(TITLE) })).toBeVisible();
  });
});
