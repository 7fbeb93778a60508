import type { Page, TestInfo } from '@playwright/test';
import { expect } from '../fixtures';
import type { Journey } from './data/journeyData';
import { JourneyDriver } from './JourneyDriver';

/**
 * The whole applicant journey for one call: create through 新建申报书 with the pre-check, fill
 * every section from the valid fixture, make the planned mistakes and see each as an issue with
 * its citation, fix each by jumping from the issues panel, tick the declarations, attach files,
 * review, finalize, reload, and find every value intact and the draft still final.
 */
export async function runFullJourney(page: Page, appUrl: string, journey: Journey, info: TestInfo, pageProblems: string[]): Promise<void> {
  // Aimed at about a minute on an idle machine; typing a whole 申报书 on a shared 2-core box takes longer.
  info.setTimeout(180_000);
  const d = new JourneyDriver(page, appUrl, journey);
  await d.createThroughNewDraft();
  await d.fillEverySection();
  for (const m of journey.mistakes) await d.makeMistake(m);
  for (const m of journey.mistakes) await d.seeAndFix(m);
  await d.tickDeclarations();
  await d.attachFiles(info.outputPath('attachments'));
  await d.wizard.expectSaved();
  await d.reviewAndFinalize();

  await page.reload();
  await expect(d.review.finalBanner).toBeVisible();
  d.expectIntact(await d.storedDraft());
  expect(pageProblems).toEqual([]);
}
