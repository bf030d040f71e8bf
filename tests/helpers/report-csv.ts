/**
 * A report CSV's table: the lines after the header block (centre, period, generated at) and its
 * blank line, the heading first, without the final line end. Tests that read one column of a
 * report file use this, so they read the table and not the block above it.
 */
export function tableLines(text: string): string[] {
  const start = text.indexOf('\r\n\r\n');
  if (start < 0) throw new Error('no header block: the report file should start with one');
  return text
    .slice(start + 4)
    .replace(/\r\n$/, '')
    .split('\r\n');
}

/** The centre and clock a test's report files are headed with, when the test is not about them. */
export const TEST_ABOUT = {
  centreName: { 'zh-HK': '測試中心', en: 'Test centre' },
  generatedAt: new Date('2025-03-02T02:00:00.000Z'),
};
