import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from '../fixtures';
import type { Journey } from './data/journeyData';
import { JourneyDriver } from './JourneyDriver';

/**
 * The whole applicant journey for one call: create through 新建申报书 with the pre-check, fill
 * every section from the valid fixture, make the planned mistakes and see each as an issue with
 * its citation, fix each by jumping from the issues panel, tick the declarations, attach files,
 * review, finalize, reload, and find every value intact and the draft still final.
 */
export async function runFullJourney(page: Page, appUrl: string, journey: Journey, info: TestInfo, pageProblems: string[]): Promise<JourneyDriver> {
  // About a minute on an idle machine; typing a whole 申报书 on a shared, loaded 2-core box takes longer.
  info.setTimeout(240_000);
  const d = new JourneyDriver(page, appUrl, journey);
  await test.step('新建申报书：指南、专项、方向、资格预审', () => d.createThroughNewDraft());
  await test.step('逐节填写', () => d.fillEverySection());
  await test.step('填错并在问题清单中看到错误及依据', async () => {
    for (const m of journey.mistakes) await d.makeMistake(m);
  });
  await test.step('从问题清单定位并改正', async () => {
    for (const m of journey.mistakes) await d.seeAndFix(m);
  });
  await test.step('承诺与附件', async () => {
    await d.tickDeclarations();
    await d.attachFiles(info.outputPath('attachments'));
    await d.wizard.expectSaved();
  });
  await test.step('审阅与定稿', () => d.reviewAndFinalize());
  await test.step('重新加载后内容完整、仍为定稿', async () => {
    await page.reload();
    await expect(d.review.finalBanner).toBeVisible();
    d.expectIntact(await d.storedDraft());
  });
  expect(pageProblems).toEqual([]);
  return d;
}
