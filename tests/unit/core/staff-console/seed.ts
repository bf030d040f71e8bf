import type { Tally } from '../../../../electron/core/activity/schema';
import type { GroupSession } from '../../../../electron/core/staff-console/group-sessions';
import type { ReportNames } from '../../../../electron/core/staff-console/reports';

const t = (
  date: string,
  event: string,
  subject: string,
  detail: string,
  language: Tally['language'],
  count: number,
): Tally => ({ date, event, subject, detail, language, count });

/**
 * A month of activity small enough to count by hand (see the expectations in reports.test.ts).
 * Two tallies fall outside March 2025 (28 Feb, 1 Apr) and must never be counted in it.
 */
export const SEEDED_TALLIES: Tally[] = [
  t('2025-02-28', 'visit', '', '', 'zh-HK', 9),
  t('2025-03-01', 'visit', '', '', 'zh-HK', 3),
  t('2025-03-01', 'visit', '', '', 'en', 1),
  t('2025-03-02', 'visit', '', '', 'zh-CN', 2),
  t('2025-03-15', 'visit', '', '', 'zh-HK', 4),
  t('2025-03-31', 'visit', '', '', 'en', 2),
  t('2025-04-01', 'visit', '', '', 'en', 7),
  t('2025-03-01', 'lesson.started', 'free-wifi', '', 'zh-HK', 2),
  t('2025-03-01', 'lesson.step', 'free-wifi', '', 'zh-HK', 9),
  t('2025-03-01', 'lesson.completed', 'free-wifi', '', 'zh-HK', 1),
  t('2025-03-15', 'lesson.started', 'free-wifi', '', 'en', 1),
  t('2025-03-15', 'lesson.completed', 'free-wifi', '', 'en', 1),
  t('2025-03-02', 'lesson.started', 'spot-the-scam', '', 'zh-CN', 3),
  t('2025-03-02', 'lesson.step', 'spot-the-scam', '', 'zh-CN', 4),
  t('2025-03-02', 'eligibility.result', 'internet-access-subsidy', 'eligible', 'zh-HK', 2),
  t('2025-03-15', 'eligibility.result', 'internet-access-subsidy', 'eligible', 'en', 1),
  t('2025-03-15', 'eligibility.result', 'internet-access-subsidy', 'not-eligible', 'zh-HK', 1),
  t('2025-03-15', 'eligibility.result', 'wifi-hk', 'need-more-info', 'zh-HK', 3),
  t('2025-03-01', 'hotspot.lookup', 'F', '', 'zh-HK', 5),
  t('2025-03-31', 'hotspot.lookup', 'F', '', 'en', 1),
  t('2025-03-31', 'hotspot.lookup', 'A', '', 'zh-HK', 2),
  t('2025-04-01', 'hotspot.lookup', 'A', '', 'zh-HK', 8),
];

function session(
  id: string,
  date: string,
  headCount: number,
  participants: number,
  title: string,
): GroupSession {
  return {
    id,
    title,
    date,
    startTime: '10:00',
    endTime: '11:30',
    courseId: null,
    place: 'Activity room, 2/F',
    facilitator: 'Ms Chan',
    lessonIds: ['free-wifi', 'spot-the-scam'],
    status: 'closed',
    headCount,
    participants: Array.from({ length: participants }, (_, i) => ({
      id: `${id}-p${i}`,
      kind: 'nickname' as const,
      label: `Friend ${i}`,
      consentAt: `${date}T02:00:00.000Z`,
      picsVersion: 1,
      progress: [{ lessonId: 'free-wifi', stepsDone: 3, completed: i % 2 === 0 }],
      needsHelp: false,
      present: true,
    })),
    removed: { participants: 0, completedByLesson: {} },
    notes: '',
    createdAt: `${date}T01:00:00.000Z`,
    closedAt: `${date}T04:00:00.000Z`,
  };
}

/** Two sessions in March (attendance 12 by head count, and 5 by a list longer than the head count), one in April. */
export const SEEDED_SESSIONS: GroupSession[] = [
  session('session-march-a', '2025-03-10', 12, 2, 'Wi-Fi "starter", part 1'),
  session('session-march-b', '2025-03-20', 3, 5, 'Scams, =tips'),
  session('session-april-a', '2025-04-02', 20, 0, 'April group'),
];

const name = (en: string, zh: string) => ({ 'zh-HK': zh, en, 'zh-CN': zh });

export const SEEDED_NAMES: ReportNames = {
  lessons: {
    names: {
      'free-wifi': name('Free Wi-Fi: Wi-Fi.HK', '免費 Wi-Fi：Wi-Fi.HK'),
      'spot-the-scam': name('Spot the scam', '識破騙局'),
      'video-call': name('Video call', '視像通話'),
    },
    order: ['free-wifi', 'spot-the-scam', 'video-call'],
  },
  eligibility: {
    names: {
      'internet-access-subsidy': name('Subsidy for Internet Access Charges', '上網費津貼'),
      'wifi-hk': name('Wi-Fi.HK', 'Wi-Fi.HK'),
    },
    order: ['internet-access-subsidy', 'wifi-hk'],
  },
  hotspots: {
    names: { A: name('Central and Western', '中西區'), F: name('Sham Shui Po', '深水埗區') },
    order: ['A', 'F'],
  },
};
