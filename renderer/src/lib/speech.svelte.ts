import type { Language } from '../i18n/i18n.svelte';

/**
 * Which voices speak each kiosk language, best first: a language tag that is only the language
 * (espeak-ng names Cantonese `yue` and Mandarin `cmn`; a Hong Kong English for en), then any voice
 * of the language. A Cantonese reading of zh-HK text, never a Mandarin one, is the point.
 */
const VOICE_TAGS: Record<Language, RegExp[]> = {
  'zh-HK': [/^(yue|zh[-_]yue)$/i, /^zh[-_]HK$/i, /^(yue|zh[-_]yue)[-_]/i],
  en: [/^en[-_]HK$/i, /^en[-_]GB$/i, /^en$/i, /^en[-_]/i],
  'zh-CN': [/^(cmn|zh[-_]cmn)$/i, /^zh[-_]CN$/i, /^zh$/i, /^(cmn|zh[-_]cmn)[-_]/i],
};
const VOICE_NAMES: Record<Language, RegExp | null> = {
  'zh-HK': /cantonese/i,
  en: null,
  'zh-CN': /mandarin/i,
};

/**
 * The voice for a language from those the browser lists, or undefined when none speaks it.
 * Among equals: a plain voice before espeak-ng's variants ("+Adam") and spellings ("latin as
 * Jyutping"), and one on the machine before one over the network.
 */
export function chooseVoice(
  voices: readonly SpeechSynthesisVoice[],
  language: Language,
): SpeechSynthesisVoice | undefined {
  const tags = VOICE_TAGS[language];
  const names = VOICE_NAMES[language];
  const rank = (voice: SpeechSynthesisVoice): number => {
    const tag = tags.findIndex((pattern) => pattern.test(voice.lang));
    if (tag >= 0) return tag;
    return names?.test(voice.name) ? tags.length : -1;
  };
  const plain = (voice: SpeechSynthesisVoice): number =>
    (voice.name.includes('+') ? 2 : 0) +
    (/latin as/i.test(voice.name) ? 1 : 0) +
    (voice.localService ? 0 : 4);
  let best: SpeechSynthesisVoice | undefined;
  let bestScore = Infinity;
  for (const voice of voices) {
    const tag = rank(voice);
    if (tag < 0) continue;
    const score = tag * 10 + plain(voice);
    if (score < bestScore) [best, bestScore] = [voice, score];
  }
  return best;
}

/** speechSynthesis with a voice for the current language; says so when there is none. */
class Speech {
  voices = $state<SpeechSynthesisVoice[]>([]);
  speaking = $state(false);
  /** True once the browser has been asked for its voices (they may arrive late). */
  checked = $state(false);

  init(): void {
    if (!('speechSynthesis' in window)) {
      this.checked = true;
      return;
    }
    const load = () => {
      this.voices = speechSynthesis.getVoices();
      this.checked = true;
    };
    load();
    speechSynthesis.addEventListener('voiceschanged', load);
  }

  voiceFor(language: Language): SpeechSynthesisVoice | undefined {
    return chooseVoice(this.voices, language);
  }

  available(language: Language): boolean {
    return this.voiceFor(language) !== undefined;
  }

  speak(text: string, language: Language): void {
    const voice = this.voiceFor(language);
    if (!voice || !text.trim()) return;
    speechSynthesis.cancel();
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.rate = 0.9; // a little slower than default: easier for elders to follow
    utterance.onend = () => (this.speaking = false);
    utterance.onerror = () => (this.speaking = false);
    this.speaking = true;
    speechSynthesis.speak(utterance);
  }

  stop(): void {
    if ('speechSynthesis' in window) speechSynthesis.cancel();
    this.speaking = false;
  }
}

export const speech = new Speech();
