import type { Language } from '../i18n';
import { LANGUAGE_NAMES } from '../../shared/languages';

/** Column headings and values in the CSV files, in the language staff chose on the console. */
export interface CsvLabels {
  day: string;
  month: string;
  visits: string;
  language: string;
  languages: Readonly<Record<Language, string>>;
  lessonId: string;
  lesson: string;
  started: string;
  steps: string;
  completed: string;
  programmeId: string;
  programme: string;
  outcome: string;
  checks: string;
  outcomes: Record<string, string>;
  districtCode: string;
  district: string;
  lookups: string;
  date: string;
  title: string;
  place: string;
  facilitator: string;
  status: string;
  statuses: { open: string; closed: string };
  attendance: string;
  listed: string;
  lessonsCovered: string;
  completedBy: string;
  inProgress: string;
  participant: string;
  stepsDone: string;
  yes: string;
  no: string;
}

export const CSV_LABELS: Record<Language, CsvLabels> = {
  en: {
    day: 'Day',
    month: 'Month',
    visits: 'Visits',
    language: 'Language',
    languages: LANGUAGE_NAMES,
    lessonId: 'Lesson ID',
    lesson: 'Lesson',
    started: 'Started',
    steps: 'Steps taken',
    completed: 'Completed',
    programmeId: 'Programme ID',
    programme: 'Programme',
    outcome: 'Outcome',
    checks: 'Checks',
    outcomes: {
      eligible: 'Eligible',
      'likely-eligible': 'May be eligible (means test)',
      'not-eligible': 'Not eligible',
      'need-more-info': 'Needs more information',
      'closed-would-have-qualified': 'Closed: would have qualified',
      'closed-would-not-have-qualified': 'Closed: would not have qualified',
      'closed-cannot-tell': 'Closed: cannot tell',
    },
    districtCode: 'District code',
    district: 'District',
    lookups: 'Look-ups',
    date: 'Date',
    title: 'Title',
    place: 'Place',
    facilitator: 'Facilitator',
    status: 'Status',
    statuses: { open: 'Open', closed: 'Closed' },
    attendance: 'Attendance',
    listed: 'Listed participants',
    lessonsCovered: 'Lessons covered',
    completedBy: 'Completed by',
    inProgress: 'In progress',
    participant: 'Participant (nickname or resume code)',
    stepsDone: 'Steps done',
    yes: 'Yes',
    no: 'No',
  },
  'zh-HK': {
    day: '日期',
    month: '月份',
    visits: '使用次數',
    language: '語言',
    languages: LANGUAGE_NAMES,
    lessonId: '課堂編號',
    lesson: '課堂',
    started: '開始',
    steps: '完成步驟次數',
    completed: '完成',
    programmeId: '計劃編號',
    programme: '計劃',
    outcome: '結果',
    checks: '查詢次數',
    outcomes: {
      eligible: '符合資格',
      'likely-eligible': '可能符合資格（須經入息審查）',
      'not-eligible': '不符合資格',
      'need-more-info': '需要更多資料',
      'closed-would-have-qualified': '已結束：當時會符合資格',
      'closed-would-not-have-qualified': '已結束：當時不會符合資格',
      'closed-cannot-tell': '已結束：未能判斷',
    },
    districtCode: '地區代號',
    district: '地區',
    lookups: '查詢次數',
    date: '日期',
    title: '名稱',
    place: '地點',
    facilitator: '導師',
    status: '狀態',
    statuses: { open: '進行中', closed: '已完結' },
    attendance: '出席人數',
    listed: '登記參加者',
    lessonsCovered: '課堂數目',
    completedBy: '完成人數',
    inProgress: '進行中人數',
    participant: '參加者（暱稱或續學號碼）',
    stepsDone: '完成步驟',
    yes: '是',
    no: '否',
  },
  'zh-CN': {
    day: '日期',
    month: '月份',
    visits: '使用次数',
    language: '语言',
    languages: LANGUAGE_NAMES,
    lessonId: '课堂编号',
    lesson: '课堂',
    started: '开始',
    steps: '完成步骤次数',
    completed: '完成',
    programmeId: '计划编号',
    programme: '计划',
    outcome: '结果',
    checks: '查询次数',
    outcomes: {
      eligible: '符合资格',
      'likely-eligible': '可能符合资格（须经收入审查）',
      'not-eligible': '不符合资格',
      'need-more-info': '需要更多信息',
      'closed-would-have-qualified': '已结束：当时会符合资格',
      'closed-would-not-have-qualified': '已结束：当时不会符合资格',
      'closed-cannot-tell': '已结束：未能判断',
    },
    districtCode: '地区代号',
    district: '地区',
    lookups: '查询次数',
    date: '日期',
    title: '名称',
    place: '地点',
    facilitator: '导师',
    status: '状态',
    statuses: { open: '进行中', closed: '已完结' },
    attendance: '出席人数',
    listed: '登记参加者',
    lessonsCovered: '课堂数目',
    completedBy: '完成人数',
    inProgress: '进行中人数',
    participant: '参加者（昵称或续学号码）',
    stepsDone: '完成步骤',
    yes: '是',
    no: '否',
  },
};
