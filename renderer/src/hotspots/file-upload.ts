/** The largest file the core accepts (its check is the real one; this only saves reading a huge file). */
export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

/** A chosen file as base64, for `staff.hotspots.preview` (the same in the browser kiosk and Electron). */
export function readFileAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.onload = () => {
      const url = String(reader.result ?? '');
      // A data URL: "data:<type>;base64,<content>".
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}

/** "json" or "csv" from the file name, when it says; otherwise the core tells from the content. */
export function formatFromName(fileName: string): 'json' | 'csv' | undefined {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.json')) return 'json';
  return undefined;
}
