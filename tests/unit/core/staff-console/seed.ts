import type { Tally } from '../../../../electron/core/activity/schema';
import type {
  Course,
  GroupSession,
  LessonProgress,
  Participant,
} from '../../../../electron/core/staff-console/group-sessions';
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

/**
 * A four-week course (see the hand counts in reports.test.ts): four members, one withdrawn since
 * (removedMembers), the fourth known by a resume code. It met once in February, before March.
 */
export const SEEDED_COURSES: Course[] = [
  {
    id: 'course-phone-basics',
    title: 'Smartphone basics',
    place: 'Activity room, 2/F',
    facilitator: 'Ms Chan',
    lessonIds: ['free-wifi', 'spot-the-scam'],
    plannedSessions: 4,
    status: 'open',
    members: [
      {
        id: 'member-1',
        kind: 'nickname',
        label: 'Ah Fong',
        consentAt: '2025-02-24T02:00:00.000Z',
        picsVersion: 1,
      },
      {
        id: 'member-2',
        kind: 'nickname',
        label: 'Mr Lee',
        consentAt: '2025-02-24T02:00:00.000Z',
        picsVersion: 1,
      },
      {
        id: 'member-4',
        kind: 'resume-code',
        label: 'KDR7P3',
        consentAt: '2025-02-24T02:00:00.000Z',
        picsVersion: 1,
      },
    ],
    removedMembers: 1,
    createdAt: '2025-02-20T01:00:00.000Z',
    closedAt: null,
  },
];

type Progress = Record<string, number>;

function member(id: string, present: boolean, steps: Progress = {}, label = id): Participant {
  return {
    id,
    kind: label === id ? 'nickname' : 'resume-code',
    label,
    consentAt: '2025-02-24T02:00:00.000Z',
    picsVersion: 1,
    progress: Object.entries(steps).map(([lessonId, stepsDone]): LessonProgress => ({
      lessonId,
      stepsDone,
      completed: false,
    })),
    needsHelp: false,
    present,
  };
}

function courseSession(
  id: string,
  date: string,
  times: [string, string] | null,
  lessonIds: string[],
  participants: Participant[],
  extra: Partial<GroupSession> = {},
): GroupSession {
  return {
    ...session(id, date, 0, 0, `Smartphone basics ${date}`),
    startTime: times?.[0] ?? null,
    endTime: times?.[1] ?? null,
    courseId: 'course-phone-basics',
    lessonIds,
    participants,
    ...extra,
  };
}

/**
 * The course's sessions and a one-off session without times, after the three above (tests pick
 * SEEDED_SESSIONS[1] by index). Week 2 lost member-3 to a withdrawal, who had finished a lesson.
 */
SEEDED_SESSIONS.push(
  courseSession(
    'course-week-0',
    '2025-02-24',
    ['10:00', '11:00'],
    ['free-wifi'],
    [
      member('member-1', true),
      member('member-2', true),
      member('member-3', false),
      member('member-4', false, {}, 'KDR7P3'),
    ],
  ),
  courseSession(
    'course-week-1',
    '2025-03-03',
    ['10:00', '11:00'],
    ['free-wifi'],
    [
      member('member-1', true, { 'free-wifi': 3 }),
      member('member-2', true, { 'free-wifi': 2 }),
      member('member-3', true),
      member('member-4', false, {}, 'KDR7P3'),
    ],
  ),
  courseSession(
    'course-week-2',
    '2025-03-10',
    ['14:00', '15:30'],
    ['free-wifi', 'spot-the-scam'],
    [
      member('member-1', true, { 'free-wifi': 1 }),
      // Absent: what the record holds for them from an earlier week is not this session's.
      member('member-2', false, { 'free-wifi': 3 }),
      member('member-4', true, { 'free-wifi': 3, 'spot-the-scam': 4 }, 'KDR7P3'),
    ],
    { headCount: 3, removed: { participants: 1, completedByLesson: { 'free-wifi': 1 } } },
  ),
  {
    ...session('session-march-untimed', '2025-03-25', 6, 0, 'Drop-in help'),
    startTime: null,
    endTime: null,
    participants: [member('drop-in-1', true, {}, 'KDR7P3')],
  },
);

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
  // Steps in each lesson: a lesson is finished in a session when all of them are done.
  sessions: { names: {}, order: [], counts: { 'free-wifi': 3, 'spot-the-scam': 4 } },
  courses: { names: {}, order: [], counts: { 'free-wifi': 3, 'spot-the-scam': 4 } },
};

/** What group-sessions.json would hold: the sessions and the course above. */
export const SEEDED_GROUPS = { sessions: SEEDED_SESSIONS, courses: SEEDED_COURSES };

/**
 * The CSV header block's centre and clock: 1 April 2025 at 00:30 in Hong Kong is still 31 March
 * by UTC, so a file dated by UTC would show the wrong day. The centre has no zh-CN of its own.
 */
export const SEEDED_ABOUT = {
  centreName: { 'zh-HK': '長者鄰舍中心', en: 'Elderly Neighbourhood Centre' },
  generatedAt: new Date('2025-03-31T16:30:00.000Z'),
};
