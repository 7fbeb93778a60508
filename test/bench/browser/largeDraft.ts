import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DraftSchema, type Draft } from '../../../shared/model/draft';
import { serializeRichDoc, type RichBlock } from '../../../shared/richtext';
import { wordCount } from '../../../shared/text/wordCount';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The rich field the typing bench types into. */
export const TYPING_FIELD = 'narrative.content';
export const NARRATIVE_CHARS = 20_000;

const SENTENCE = '本项目研发基于窄带物联网的老旧小区智慧安防管理平台，集成门禁、烟感与视频结构化分析，实现安全事件的实时识别与告警。';

/** 20,000 字 as an applicant writes them: （一）… headings every few paragraphs, paragraphs of a few sentences. */
function narrativeDoc(): string {
  const content: RichBlock[] = [];
  let chars = 0;
  for (let p = 0; chars < NARRATIVE_CHARS; p++) {
    if (p % 6 === 0) {
      const heading = `研究内容第${p / 6 + 1}部分`;
      content.push({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: heading }] });
      chars += wordCount(heading);
    }
    const text = SENTENCE.repeat(4);
    content.push({ type: 'paragraph', content: [{ type: 'text', text }] });
    chars += wordCount(text);
  }
  return serializeRichDoc({ type: 'doc', content });
}

/**
 * A valid 城关区 技术创新类 draft (the fixture) grown to the size the issue names: 60 members and
 * a 20,000-字 narrative. Returned as the draft file text that `draftsImport` takes.
 */
export function largeChengguanDraftFile(): string {
  const draft: Draft = DraftSchema.parse(JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/packs/chengguan-2020/valid-tech-enterprise.json'), 'utf8')));
  const template = draft.tables['members']?.[0] ?? {};
  const members = Array.from({ length: 60 }, (_, i) => ({ ...template, name: `成员${i + 1}` }));
  return JSON.stringify({ ...draft, values: { ...draft.values, [TYPING_FIELD]: narrativeDoc() }, tables: { ...draft.tables, members } });
}
