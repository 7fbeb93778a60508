/** What the concurrent-starts children write to stdout (one JSON object per line), and the tagged text they save. */
export type ConcurrentMessage =
  /** The writer's store is open. */
  | { t: 'ready'; drafts: number }
  /** About to save revision `rev` of draft `id`; the saved text starts with `tag`. */
  | { t: 'intent'; id: string; rev: number; tag: string }
  /** The save call returned: the app would now show 已保存. */
  | { t: 'ack'; id: string; rev: number }
  /** An opener reached the drafts. */
  | { t: 'opened'; drafts: number; damaged: number; recovery: string | null }
  /** An opener's start was refused, with the message the user would see. */
  | { t: 'refused'; message: string };

export const TAGGED_FIELD = 'project.summary';

const PARAGRAPH = '本项目围绕西北干旱区节水灌溉关键技术开展研究，建立土壤墒情监测网络与智能决策模型，形成可推广的技术规程和示范基地。';

/** The tag leads the text, so a check can tell exactly which save a stored value came from. */
export function taggedText(tag: string, length: number): string {
  return (`${tag}|` + PARAGRAPH.repeat(Math.ceil(length / PARAGRAPH.length) + 1)).slice(0, length);
}

export function tagOf(text: unknown): string | null {
  return typeof text === 'string' ? (text.split('|', 1)[0] ?? null) : null;
}
