// Bitstring status lists: encoding, decoding and the entry a credential carries.
import { describe, expect, it } from 'vitest';
import {
  buildStatusListCredential,
  decodeStatusList,
  encodeStatusList,
  STATUS_LIST_LENGTH,
  statusEntry,
} from '../../../credentials/index.ts';

describe('status lists', () => {
  it('round-trips the set bits of a 131072-bit list', async () => {
    const encoded = await encodeStatusList(new Set([0, 42, STATUS_LIST_LENGTH - 1]));
    expect(encoded.startsWith('u')).toBe(true);
    const list = await decodeStatusList(encoded);
    expect(list.length).toBe(STATUS_LIST_LENGTH);
    expect([0, 1, 42, 43, STATUS_LIST_LENGTH - 1].map((i) => list.get(i))).toEqual([
      true,
      false,
      true,
      false,
      true,
    ]);
  });

  it('encodes raw bytes, most significant bit first', async () => {
    const bytes = new Uint8Array(STATUS_LIST_LENGTH / 8);
    bytes[0] = 0b1000_0000;
    const list = await decodeStatusList(await encodeStatusList(bytes, STATUS_LIST_LENGTH));
    expect(list.get(0)).toBe(true);
    expect(list.get(1)).toBe(false);
  });

  it('rejects indexes outside the list and undecodable input', async () => {
    await expect(encodeStatusList(new Set([STATUS_LIST_LENGTH]))).rejects.toThrow(RangeError);
    await expect(decodeStatusList('zabc')).rejects.toThrow();
  });

  it('builds the list credential and the entry', () => {
    const credential = buildStatusListCredential({
      id: 'https://example.cn/status/1',
      issuer: 'did:web:example.cn',
      purpose: 'suspension',
      encodedList: 'uH4sI',
      validFrom: '2025-01-01T00:00:00.123Z',
    });
    expect(credential).toMatchObject({
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      validFrom: '2025-01-01T00:00:00Z',
      credentialSubject: { type: 'BitstringStatusList', statusPurpose: 'suspension' },
    });
    expect(
      statusEntry({ listUrl: 'https://example.cn/status/1', index: 7, purpose: 'revocation' }),
    ).toEqual({
      id: 'https://example.cn/status/1#7',
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: '7',
      statusListCredential: 'https://example.cn/status/1',
    });
  });
});
