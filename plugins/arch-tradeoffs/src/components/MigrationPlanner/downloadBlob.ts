/**
 * Saves a blob the way a link to a file would. The CSV is fetched with the user's Backstage token, so
 * a plain link to the backend route would be rejected: the bytes go through an object URL instead.
 */
export function downloadBlob(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Some browsers start the download asynchronously; revoke once it has certainly begun.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
