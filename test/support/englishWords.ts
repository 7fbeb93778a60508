/**
 * English that may stand in a Chinese message, each for a reason: names of file formats the user
 * sees on their own files (PDF, Word, zip, SHA-256 in 「SHA-256 校验值」), and the command's own
 * name. Anything else counts as English unless it is an echo of what the user typed or sent (a
 * field id, a file name, a path): the caller passes that text as `echoed`.
 */
export const ALLOWED_WORDS: ReadonlySet<string> = new Set(['PDF', 'Word', 'zip', 'ZIP', 'SHA', 'shenbao']);

/** Words of three or more Latin letters in `message` that are neither allowed nor echoed. */
export function englishWords(message: string, echoed = '', allowed: ReadonlySet<string> = ALLOWED_WORDS): string[] {
  const words = message.match(/[A-Za-z]{3,}/g) ?? [];
  return words.filter((w) => !allowed.has(w) && !echoed.includes(w));
}
