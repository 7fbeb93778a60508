/** Base64 from the services → a Blob download; works the same in Electron and browser mode. */
export function downloadBase64(fileName: string, base64: string, mediaType: string): void {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  downloadBlob(fileName, new Blob([bytes], { type: mediaType }));
}

/** Hands a Blob to the browser's download manager; works the same in Electron and browser mode. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  clickLink(url, fileName);
  // Revoke on the next turn: revoking synchronously can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Browser mode: the web host streams a finished export job's file, package or document (cookie-authenticated, same origin). */
export function downloadPackageLink(jobId: string, fileName: string): void {
  clickLink(`/download/${encodeURIComponent(jobId)}`, fileName);
}

function clickLink(href: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
}

