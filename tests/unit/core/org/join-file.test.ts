import { describe, expect, it } from 'vitest';
import { KioskError } from '../../../../electron/core/errors';
import { parseJoinFile } from '../../../../electron/core/org/join-file';
import { joinFileBytes, organisationKeys } from '../../../helpers/fake-kiosk-syncthing';

const { publicKeyPem } = organisationKeys();

function refusal(bytes: Uint8Array): { reason?: string; params?: unknown } {
  try {
    parseJoinFile(bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(KioskError);
    return { reason: (error as KioskError).reason, params: (error as KioskError).params };
  }
  throw new Error('the join file was accepted');
}

describe('join file', () => {
  it('reads the file the hub tool writes', () => {
    const file = parseJoinFile(joinFileBytes(publicKeyPem));
    expect(file.kioskId).toBe('ssw-kt-01');
    expect(file.organisation.publicKey).toBe(publicKeyPem);
    expect(file.centre.district).toBe('J');
    expect(file.folders).toEqual({ content: 'content', figures: 'figures-ssw-kt-01' });
  });

  it('says a file is not JSON, not a join file, or which field is wrong', () => {
    expect(refusal(Buffer.from('PK\u0003\u0004 not json'))).toEqual({
      reason: 'org.errors.joinFileNotJson',
      params: undefined,
    });
    expect(refusal(Buffer.from([0xff, 0xfe, 0x7b]))).toMatchObject({ reason: 'org.errors.joinFileNotJson' });
    expect(refusal(Buffer.from('{"kind":"kiosk-content-pack","format":1}'))).toMatchObject({
      reason: 'org.errors.joinFileWrongKind',
    });
    expect(refusal(Buffer.from('[1,2]'))).toMatchObject({ reason: 'org.errors.joinFileWrongKind' });
    const invalid = (edits: Record<string, unknown>) => refusal(joinFileBytes(publicKeyPem, edits));
    expect(invalid({ kioskId: 'SSW KT 01' })).toEqual({
      reason: 'org.errors.joinFileInvalid',
      params: { field: 'kioskId' },
    });
    expect(invalid({ kioskId: 'x' })).toMatchObject({ params: { field: 'kioskId' } });
    expect(invalid({ kioskId: `a${'b'.repeat(40)}` })).toMatchObject({
      params: { field: 'kioskId' },
    });
    expect(invalid({ 'centre.district': 'kwun-tong' })).toEqual({
      reason: 'org.errors.joinFileInvalid',
      params: { field: 'centre.district' },
    });
    expect(invalid({ format: 2 })).toMatchObject({ params: { field: 'format' } });
    expect(invalid({ 'hub.deviceId': 'not-a-device' })).toMatchObject({
      params: { field: 'hub.deviceId' },
    });
    expect(invalid({ 'hub.addresses': [] })).toMatchObject({ params: { field: 'hub.addresses' } });
    expect(invalid({ 'hub.addresses': ['http://evil.example/'] })).toMatchObject({
      params: { field: 'hub.addresses' },
    });
    expect(invalid({ 'organisation.publicKey': 'hello' })).toMatchObject({
      params: { field: 'organisation.publicKey' },
    });
    // Another kiosk's figures folder would mix two centres' figures at the hub.
    expect(invalid({ 'folders.figures': 'figures-ssw-kt-02' })).toMatchObject({
      params: { field: 'folders.figures' },
    });
    // Strict: a field this kiosk does not know is refused rather than ignored.
    expect(invalid({ autoApply: true })).toMatchObject({ reason: 'org.errors.joinFileInvalid' });
    expect(invalid({ 'hub.introducer': true })).toMatchObject({ reason: 'org.errors.joinFileInvalid' });
  });
});
