import { test } from '../fixtures';
import { karamayJourney } from './data/karamay';
import { runFullJourney } from './runJourney';

// A stuck step fails on its own line, not at the end of the whole journey's time.
test.use({ actionTimeout: 30_000 });

test('克拉玛依市创新人才工程：新建与预审、逐节填写、按问题清单改错、附件、审阅定稿，重新加载后内容完整', async ({ page, appUrl, pageProblems }, info) => {
  await runFullJourney(page, appUrl, karamayJourney(), info, pageProblems);
});
