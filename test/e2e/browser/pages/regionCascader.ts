import type { Locator, Page } from '@playwright/test';
import { regionPath } from '../../../../shared/regions';

/**
 * Chooses a 注册地 in the 省 / 市 / 区（县） cascader by clicks, level by level, as an applicant does.
 * `input` is the cascader's input (by id or label); the code's names come from the same code table.
 */
export async function pickRegion(page: Page, input: Locator, code: string): Promise<void> {
  const names = regionPath(code).map((n) => n.name);
  if (names.length === 0) throw new Error(`代码表中没有 ${code}`);
  await input.locator('xpath=ancestor-or-self::div[contains(concat(" ", @class, " "), " ant-select ")][1]').click();
  const dropdown = page.locator('.ant-cascader-dropdown:visible');
  for (const [level, name] of names.entries()) {
    await dropdown.locator('.ant-cascader-menu').nth(level).getByTitle(name, { exact: true }).click();
  }
  // A leaf closes the menu; a level with children below stays open until dismissed.
  if (await dropdown.isVisible()) await page.keyboard.press('Escape');
}
