/**
 * Saves text as a file the browser's way: a Blob URL on a temporary `<a download>`. Works in the
 * browser kiosk (blob: is allowed by the CSP) and in Electron (the download goes to the user's
 * download folder). The URL is revoked once the click has been handled.
 */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Several files as separate downloads (no zip: Excel opens each CSV as it is), a moment apart so the browser keeps each. */
export async function downloadAll(files: { name: string; text: string }[]): Promise<void> {
  for (const file of files) {
    downloadText(file.name, file.text);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Today in Hong Kong as YYYY-MM-DD, by the core's clock. */
export { kioskToday as todayKey } from '../lib/clock';
