import { describe, expect, it } from 'vitest';
import { chooseVoice } from '../../../../renderer/src/lib/speech.svelte';

/** A voice as Chromium lists it (only the fields the choice reads). */
function voice(name: string, lang: string, localService = true): SpeechSynthesisVoice {
  return { name, lang, localService, default: false, voiceURI: name } as SpeechSynthesisVoice;
}

/**
 * What Chromium lists through speech-dispatcher with espeak-ng (in its order: alphabetical, so the
 * variants and the romanised spellings come first), plus a network voice or two.
 */
const ESPEAK = [
  voice('Chinese (Cantonese, latin as Jyutping) espeak-ng', 'yue'),
  voice('Chinese (Cantonese)+Adam espeak-ng', 'yue'),
  voice('Chinese (Cantonese) espeak-ng', 'yue'),
  voice('Chinese (Mandarin, latin as English)+Adam espeak-ng', 'cmn'),
  voice('Chinese (Mandarin, latin as Pinyin) espeak-ng', 'cmn-LATN-PINYIN'),
  voice('Chinese (Mandarin, latin as English) espeak-ng', 'cmn'),
  voice('English (America) espeak-ng', 'en-US'),
  voice('English (Caribbean) espeak-ng', 'en-029'),
  voice('English (Great Britain) espeak-ng', 'en-GB'),
  voice('Online Cantonese', 'zh-HK', false),
];

describe('chooseVoice', () => {
  it('reads zh-HK with espeak-ng’s plain Cantonese voice, not a variant or a romanised spelling', () => {
    expect(chooseVoice(ESPEAK, 'zh-HK')?.name).toBe('Chinese (Cantonese) espeak-ng');
  });

  it('reads zh-CN with the plain Mandarin voice and English with a British one (Hong Kong spelling)', () => {
    expect(chooseVoice(ESPEAK, 'zh-CN')?.name).toBe('Chinese (Mandarin, latin as English) espeak-ng');
    expect(chooseVoice(ESPEAK, 'en')?.lang).toBe('en-GB');
  });

  it('takes a zh-HK voice when there is no yue one, and never a Mandarin voice for zh-HK', () => {
    const noYue = ESPEAK.filter((v) => v.lang !== 'yue');
    expect(chooseVoice(noYue, 'zh-HK')?.lang).toBe('zh-HK');
    expect(
      chooseVoice(
        noYue.filter((v) => v.lang !== 'zh-HK'),
        'zh-HK',
      ),
    ).toBeUndefined();
  });

  it('has no voice for a language nothing speaks', () => {
    expect(chooseVoice([voice('English (America) espeak-ng', 'en-US')], 'zh-CN')).toBeUndefined();
  });
});
