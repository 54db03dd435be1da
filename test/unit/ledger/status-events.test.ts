// A status list's bits, derived from the status changes of its credentials.
import { describe, expect, it } from 'vitest';
import type { CredentialEvent } from '../../../domain/issuance/credential-ports.ts';
import { flaggedIndexes } from '../../../domain/issuance/status-lists.ts';

let n = 0;
const event = (statusIndex: number, action: CredentialEvent['action'], at: string) =>
  ({
    id: `e${n++}`,
    credentialId: `c${statusIndex}`,
    institutionId: 'i',
    statusList: 1,
    statusIndex,
    action,
    reason: 'r',
    actor: { kind: 'system' },
    at: `2026-01-01T00:00:${at}.000Z`,
  }) as CredentialEvent;

describe('flaggedIndexes', () => {
  it('sets a revoked credential for good, whatever came before or after', () => {
    const events = [
      event(7, 'suspended', '01'),
      event(7, 'revoked', '02'),
      event(7, 'reinstated', '03'),
      event(9, 'suspended', '01'),
    ];
    expect([...flaggedIndexes(events, 'revocation')]).toEqual([7]);
  });

  it('sets a suspended credential by its latest suspension or reinstatement, in any order given', () => {
    const events = [
      event(3, 'reinstated', '05'),
      event(3, 'suspended', '02'),
      event(4, 'suspended', '06'),
      event(4, 'reinstated', '03'),
      event(4, 'suspended', '01'),
      event(5, 'suspended', '01'),
      event(5, 'revoked', '09'),
      event(6, 'revoked', '01'),
    ];
    expect([...flaggedIndexes(events, 'suspension')].sort()).toEqual([4, 5]);
    expect([...flaggedIndexes(events.toReversed(), 'suspension')].sort()).toEqual([4, 5]);
  });

  it('sets nothing without events', () => {
    expect(flaggedIndexes([], 'revocation').size).toBe(0);
    expect(flaggedIndexes([], 'suspension').size).toBe(0);
  });
});
