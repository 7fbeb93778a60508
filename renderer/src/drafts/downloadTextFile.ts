import { downloadBlob } from '../export/downloadBytes';

/** Hands text to the browser's download manager; works the same in Electron and browser mode. */
export function downloadTextFile(fileName: string, content: string, mediaType = 'application/json'): void {
  downloadBlob(fileName, new Blob([content], { type: `${mediaType};charset=utf-8` }));
}
