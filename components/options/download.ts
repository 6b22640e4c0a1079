/** Saves text as a file through the browser's own download, with no extra permission. */
export function download(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The download has taken its copy once click() returns; the next task may free it.
  setTimeout(() => URL.revokeObjectURL(url));
}
