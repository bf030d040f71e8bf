import type { LocalisedText } from '../../../electron/core/i18n';

/** The 18 districts by HAD letter code, names as FACTS.md gives them. */
export const DISTRICT_NAMES: Record<string, LocalisedText> = {
  A: { 'zh-HK': '中西區', en: 'Central and Western', 'zh-CN': '中西区' },
  B: { 'zh-HK': '灣仔區', en: 'Wan Chai', 'zh-CN': '湾仔区' },
  C: { 'zh-HK': '東區', en: 'Eastern', 'zh-CN': '东区' },
  D: { 'zh-HK': '南區', en: 'Southern', 'zh-CN': '南区' },
  E: { 'zh-HK': '油尖旺區', en: 'Yau Tsim Mong', 'zh-CN': '油尖旺区' },
  F: { 'zh-HK': '深水埗區', en: 'Sham Shui Po', 'zh-CN': '深水埗区' },
  G: { 'zh-HK': '九龍城區', en: 'Kowloon City', 'zh-CN': '九龙城区' },
  H: { 'zh-HK': '黃大仙區', en: 'Wong Tai Sin', 'zh-CN': '黄大仙区' },
  J: { 'zh-HK': '觀塘區', en: 'Kwun Tong', 'zh-CN': '观塘区' },
  K: { 'zh-HK': '荃灣區', en: 'Tsuen Wan', 'zh-CN': '荃湾区' },
  L: { 'zh-HK': '屯門區', en: 'Tuen Mun', 'zh-CN': '屯门区' },
  M: { 'zh-HK': '元朗區', en: 'Yuen Long', 'zh-CN': '元朗区' },
  N: { 'zh-HK': '北區', en: 'North', 'zh-CN': '北区' },
  P: { 'zh-HK': '大埔區', en: 'Tai Po', 'zh-CN': '大埔区' },
  Q: { 'zh-HK': '西貢區', en: 'Sai Kung', 'zh-CN': '西贡区' },
  R: { 'zh-HK': '沙田區', en: 'Sha Tin', 'zh-CN': '沙田区' },
  S: { 'zh-HK': '葵青區', en: 'Kwai Tsing', 'zh-CN': '葵青区' },
  T: { 'zh-HK': '離島區', en: 'Islands', 'zh-CN': '离岛区' },
};
