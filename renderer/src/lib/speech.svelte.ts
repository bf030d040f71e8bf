import type { Language } from '../i18n/i18n.svelte';

/** Which voices speak each kiosk language. espeak-ng names Cantonese `yue` and Mandarin `cmn`. */
const VOICE_MATCH: Record<Language, (voice: SpeechSynthesisVoice) => boolean> = {
  'zh-HK': (v) => /^(zh[-_]HK|yue|zh[-_]yue)/i.test(v.lang) || /cantonese/i.test(v.name),
  en: (v) => /^en/i.test(v.lang),
  'zh-CN': (v) => /^(zh[-_]CN|cmn|zh$)/i.test(v.lang) || /mandarin/i.test(v.name),
};

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
    const match = VOICE_MATCH[language];
    return this.voices.find((v) => match(v) && v.localService) ?? this.voices.find(match);
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
