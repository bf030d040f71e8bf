import programmesEn from '../../renderer/src/programmes/locales/en.json';
import programmesZhCN from '../../renderer/src/programmes/locales/zh-CN.json';
import programmesZhHK from '../../renderer/src/programmes/locales/zh-HK.json';
import en from '../../renderer/src/org/locales/en.json';
import zhCN from '../../renderer/src/org/locales/zh-CN.json';
import zhHK from '../../renderer/src/org/locales/zh-HK.json';
import districtsFile from '../../data/districts.json';
import type { Outcome } from '../core/programmes/decide';
import type { Language } from '../shared/languages';
import { hongKongDateKey } from '../shared/period';
import { fill } from './messages';
import type { Figures, NotReported } from './report';

/**
 * The pooled report's words in one language: the org locale files' `report` section (so the
 * parity test keeps the three in step), the outcome names the kiosk's own console shows
 * (programmes.outcomeShort), and the district names of data/districts.json.
 */
export type ReportWords = typeof en.report;

const WORDS: Record<Language, ReportWords> = { en: en.report, 'zh-HK': zhHK.report, 'zh-CN': zhCN.report };
const OUTCOME_WORDS: Record<Language, Record<string, string>> = {
  en: programmesEn.outcomeShort,
  'zh-HK': programmesZhHK.outcomeShort,
  'zh-CN': programmesZhCN.outcomeShort,
};

export function reportWords(language: Language): ReportWords {
  return WORDS[language];
}

export function outcomeName(outcome: Outcome, language: Language): string {
  return OUTCOME_WORDS[language][outcome] ?? outcome;
}

/** A district code's name in the language, or the code itself when data/districts.json has no such district. */
export function districtName(code: string, language: Language): string {
  return districtsFile.districts.find((d) => d.code === code)?.name[language] ?? code;
}

/** "Nothing since 2026-11-28" / "Joined 2026-11-20, never reported". */
export function silenceText(kiosk: Pick<NotReported, 'lastDay' | 'joinedAt'>, language: Language): string {
  const words = WORDS[language].notReported;
  return kiosk.lastDay
    ? fill(words.since, { day: kiosk.lastDay })
    : fill(words.never, { day: joinDayText(kiosk.joinedAt) });
}

/** The Hong Kong day of a join, as the admin knows it; the raw text when it is not an instant. */
export function joinDayText(joinedAt: string): string {
  const at = new Date(joinedAt);
  return Number.isNaN(at.getTime()) ? joinedAt : hongKongDateKey(at);
}

/** The figure columns every table shares, in order, with their heading and value. */
export function figureColumns(language: Language): { label: string; value: (f: Figures) => number }[] {
  const w = WORDS[language];
  return [
    { label: w.visits, value: (f) => f.visits.total },
    { label: w.lessonsStarted, value: (f) => f.lessonsStarted },
    { label: w.lessonsCompleted, value: (f) => f.lessonsCompleted },
    { label: w.eligibilityChecks, value: (f) => f.eligibility.total },
    { label: w.hotspotLookups, value: (f) => f.hotspotLookups },
    { label: w.groupSessions, value: (f) => f.groupSessions },
    { label: w.attendance, value: (f) => f.attendance },
    { label: w.learningHours, value: (f) => f.learningHours },
  ];
}
