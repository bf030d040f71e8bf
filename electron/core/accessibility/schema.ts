import { z } from 'zod';
import { SourceSchema } from '../content/source';
import { LocalisedTextSchema } from '../i18n';

/**
 * The accessible-design demos' content (data/accessibility-demos.json). The demos themselves are
 * Svelte components in renderer/src/accessibility/, one per id below: the content names them and
 * says, in three languages, what each shows, who it affects, how to fix it and which WCAG 2.2
 * success criterion it maps to.
 */

const Text = LocalisedTextSchema;

/** The nine demos the UI draws, in the order the list shows them. */
import { DEMO_IDS, type DemoId } from '../../shared/demo-ids';
export { DEMO_IDS, type DemoId };

/** One WCAG 2.2 success criterion: number ("1.4.3"), its name and level. */
export const CriterionSchema = z
  .object({
    number: z.string().regex(/^[1-4]\.\d{1,2}\.\d{1,2}$/),
    name: Text,
    level: z.enum(['A', 'AA', 'AAA']),
  })
  .strict();

export const DemoSchema = z
  .object({
    id: z.enum(DEMO_IDS),
    /** Short title for the list and the demo screen's heading. */
    title: Text,
    /** One line for the list card. */
    summary: Text,
    /** The small task the visitor tries in both versions. */
    task: Text,
    /** Plain words: what goes wrong in the "before" version. */
    problem: Text,
    /** Who it affects (elders, people with low vision, colour blindness, tremor, …). */
    affects: Text,
    /** How an organisation fixes it. */
    fix: Text,
    /** The success criteria the demo maps to; the first is the main one. */
    wcag: z.array(CriterionSchema).min(1).max(3),
    /** What read-aloud speaks to introduce the demo. */
    narration: Text,
    /** The spoken clip of the captions demo: one caption cue per entry, in speaking order. */
    clip: z.array(Text).min(2).max(12).optional(),
  })
  .strict();
export type Demo = z.infer<typeof DemoSchema>;

export const ChecklistItemSchema = z
  .object({
    /** The check, as a short instruction. */
    text: Text,
    /** How to check it, in one or two sentences. */
    how: Text,
    /** Success criterion numbers it covers ("1.4.3"). */
    wcag: z.array(z.string().regex(/^[1-4]\.\d{1,2}\.\d{1,2}$/)).min(1),
  })
  .strict();

export { SourceSchema };

export const AccessibilityContentSchema = z
  .object({
    /** ISO day the content was last checked against ../shared/FACTS.md. */
    asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    sources: z.array(SourceSchema).min(1),
    demos: z.array(DemoSchema).length(DEMO_IDS.length),
    checklist: z
      .object({
        title: Text,
        intro: Text,
        items: z.array(ChecklistItemSchema).length(10),
      })
      .strict(),
    learnMore: z
      .object({
        title: Text,
        /** Paragraphs about the Hong Kong campaign and recognition scheme (facts from FACTS.md only). */
        paragraphs: z.array(Text).min(1).max(6),
        /** The scheme's web address, shown as text: the kiosk opens no links. */
        website: z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/),
      })
      .strict(),
  })
  .strict()
  .superRefine((content, issues) => {
    const ids = content.demos.map((demo) => demo.id);
    DEMO_IDS.forEach((id, index) => {
      if (ids[index] !== id)
        issues.addIssue({
          code: 'custom',
          path: ['demos', index, 'id'],
          message: `demo ${index + 1} must be ${id}`,
        });
    });
    const captions = content.demos.find((demo) => demo.id === 'captions');
    if (captions && !captions.clip)
      issues.addIssue({ code: 'custom', path: ['demos'], message: 'the captions demo needs a clip' });
  });
export type AccessibilityContent = z.infer<typeof AccessibilityContentSchema>;
