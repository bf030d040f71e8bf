import { promises as fs } from 'node:fs';
import path from 'node:path';
import { withSimplifiedDeep } from '../content/localise';
import { AccessibilityContentSchema, type AccessibilityContent } from './schema';

export const ACCESSIBILITY_FILE = 'accessibility-demos.json';

/**
 * Reads data/accessibility-demos.json and fills every zh-CN from zh-HK (a hand-written zh-CN wins).
 * Unlike lessons there is one file: if it is broken the capability has nothing to show, so the
 * error names the file and the first problem and the caller decides what to do.
 */
export async function loadAccessibilityContent(contentDir: string): Promise<AccessibilityContent> {
  const file = path.join(contentDir, ACCESSIBILITY_FILE);
  const raw: unknown = JSON.parse(await fs.readFile(file, 'utf8'));
  const parsed = AccessibilityContentSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `${ACCESSIBILITY_FILE}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid'}`.trim(),
    );
  }
  return withSimplifiedDeep(parsed.data);
}
