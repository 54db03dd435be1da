// Bitstring Status List: encoding lists, the status list credential and the entry a credential points with.
import { Bitstring } from '@digitalbazaar/bitstring';
import { VC_V2_CONTEXT } from './contexts/index.ts';
import { isoDate } from './builders.ts';

/** 16 KiB of bits: the minimum the Bitstring Status List spec sets, for group privacy. */
export const STATUS_LIST_LENGTH = 131072;

export type StatusPurpose = 'revocation' | 'suspension';

/**
 * Encodes a status list: GZIP, then base64url with the multibase 'u' prefix, as the spec requires.
 *
 * @param bits - Either the raw bitstring bytes (length / 8 bytes, most significant bit first) or the set
 *   of indexes whose bit is set.
 * @param length - The number of bits (default STATUS_LIST_LENGTH).
 * @returns The encodedList.
 */
export async function encodeStatusList(
  bits: Uint8Array | Set<number>,
  length: number = STATUS_LIST_LENGTH,
): Promise<string> {
  let bitstring: { set(index: number, on: boolean): void; encodeBits(): Promise<string> };
  if (bits instanceof Uint8Array) {
    if (bits.length * 8 !== length)
      throw new RangeError(`A ${length}-bit list needs ${length / 8} bytes.`);
    bitstring = new Bitstring({ buffer: bits });
  } else {
    bitstring = new Bitstring({ length });
    for (const index of bits) {
      if (!Number.isInteger(index) || index < 0 || index >= length) {
        throw new RangeError(`Status index ${index} is outside the list (0..${length - 1}).`);
      }
      bitstring.set(index, true);
    }
  }
  return `u${await bitstring.encodeBits()}`;
}

/** A decoded status list. */
export interface DecodedStatusList {
  length: number;
  bytes: Uint8Array;
  get(index: number): boolean;
}

/**
 * Decodes an encodedList.
 *
 * @param encodedList - The multibase ('u') base64url GZIP bitstring.
 * @returns The list; get(index) tells whether a bit is set.
 * @throws TypeError when the value is not a valid encoded list.
 */
export async function decodeStatusList(encodedList: string): Promise<DecodedStatusList> {
  if (typeof encodedList !== 'string' || !encodedList.startsWith('u')) {
    throw new TypeError('"encodedList" must be a multibase base64url string starting with "u".');
  }
  const buffer = (await Bitstring.decodeBits({ encoded: encodedList.slice(1) })) as Uint8Array;
  const bitstring = new Bitstring({ buffer });
  return {
    length: bitstring.length as number,
    bytes: buffer,
    get: (index: number) => bitstring.get(index) as boolean,
  };
}

/**
 * Builds an unsigned BitstringStatusListCredential (sign it with issueCredential).
 *
 * @param options.id - Its URL (where it is served).
 * @param options.issuer - The issuer DID (the same as the credentials that point to it).
 * @param options.purpose - 'revocation' or 'suspension'.
 * @param options.encodedList - From encodeStatusList.
 * @param options.validFrom - When this version of the list was published.
 * @param options.validUntil - When verifiers should fetch it again.
 * @returns The credential.
 */
export function buildStatusListCredential(options: {
  id: string;
  issuer: string;
  purpose: StatusPurpose;
  encodedList: string;
  validFrom: string | Date;
  validUntil?: string | Date;
}): Record<string, unknown> {
  const credential: Record<string, unknown> = {
    '@context': [VC_V2_CONTEXT],
    id: options.id,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: options.issuer,
    validFrom: isoDate(options.validFrom),
    credentialSubject: {
      id: `${options.id}#list`,
      type: 'BitstringStatusList',
      statusPurpose: options.purpose,
      encodedList: options.encodedList,
    },
  };
  if (options.validUntil !== undefined) credential['validUntil'] = isoDate(options.validUntil);
  return credential;
}

/**
 * The credentialStatus entry of a credential at `index` of a list.
 *
 * @param options.listUrl - The status list credential's URL.
 * @param options.index - The credential's bit.
 * @param options.purpose - 'revocation' or 'suspension'.
 * @returns A BitstringStatusListEntry.
 */
export function statusEntry(options: { listUrl: string; index: number; purpose: StatusPurpose }): {
  id: string;
  type: 'BitstringStatusListEntry';
  statusPurpose: StatusPurpose;
  statusListIndex: string;
  statusListCredential: string;
} {
  const { listUrl, index, purpose } = options;
  if (!Number.isInteger(index) || index < 0)
    throw new RangeError(`Invalid status list index ${index}.`);
  return {
    id: `${listUrl}#${index}`,
    type: 'BitstringStatusListEntry',
    statusPurpose: purpose,
    statusListIndex: String(index),
    statusListCredential: listUrl,
  };
}
