import { describe, expect, it } from 'vitest';
import { weakPinReason } from '../../../../electron/core/staff-access/weak-pin';

describe('weak staff PINs', () => {
  it('refuses every PIN of one digit', () => {
    for (let d = 0; d <= 9; d += 1) expect(weakPinReason(String(d).repeat(6))).toBe('sameDigit');
  });

  it('refuses runs up and down, the digits taken as a ring', () => {
    for (const pin of ['123456', '234567', '456789', '012345', '654321', '987654', '543210'])
      expect(weakPinReason(pin), pin).toBe('run');
    // After 9 comes 0: the same walk along the pad.
    for (const pin of ['901234', '890123', '789012', '109876', '210987', '098765'])
      expect(weakPinReason(pin), pin).toBe('run');
  });

  it('refuses exactly 30 of the million PINs without a phone number', () => {
    let weak = 0;
    for (let n = 0; n < 1_000_000; n += 1) if (weakPinReason(String(n).padStart(6, '0'))) weak += 1;
    expect(weak).toBe(30);
  });

  it("refuses six digits in a row of the centre's phone number, wherever they start", () => {
    expect(weakPinReason('277123', '27712345')).toBe('phone');
    expect(weakPinReason('771234', '27712345')).toBe('phone');
    expect(weakPinReason('712345', '2771 2345')).toBe('phone');
    expect(weakPinReason('277124', '27712345')).toBeNull();
    expect(weakPinReason('123452', '27712345')).toBeNull();
  });

  it('accepts PINs with no pattern, and a phone number that is not set', () => {
    for (const pin of ['246810', '482916', '730512', '135790', '112233', '121212'])
      expect(weakPinReason(pin, null), pin).toBeNull();
    expect(weakPinReason('482916', '')).toBeNull();
  });
});
