import { languagesReport, visitsReport } from '../activity/report';
import type { CoreContent } from '../core-context';
import { hotspotsReport } from '../hotspots/report';
import { lessonsReport } from '../lessons/report';
import { eligibilityReport } from '../programmes/report';
import type { ReportNames } from '../report-section';
import { coursesReport } from './courses-report';
import { sessionsReport } from './sessions-report';

/**
 * Every section of the staff reports, in the order the report, its CSV files and the console show
 * them. A capability that counts something declares a section in its own folder (see
 * ../report-section.ts) and adds it here: nothing else in the report code names a capability.
 */
export const REPORT_SECTIONS = [
  visitsReport,
  languagesReport,
  lessonsReport,
  eligibilityReport,
  hotspotsReport,
  sessionsReport,
  coursesReport,
] as const;

const namesOf = new WeakMap<CoreContent, ReportNames>();

/** Every section's content names, built once per content object (a pack brings a new one). */
export function reportNames(content: CoreContent): ReportNames {
  let names = namesOf.get(content);
  if (!names) {
    names = Object.fromEntries(REPORT_SECTIONS.map((section) => [section.id, section.names?.(content)]));
    namesOf.set(content, names);
  }
  return names;
}
