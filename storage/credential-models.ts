// Mongoose schemas of the credentials capability: keys, issued credentials, status slots, events.
import { refuseNulInQueries } from './models.ts';
import { Schema, type Connection } from 'mongoose';

const opts = { versionKey: false, _id: false, strict: true } as const;
const str = { type: String, required: true };

const signingKey = new Schema(
  {
    _id: str,
    institutionId: str,
    controller: str,
    type: str,
    publicKeyMultibase: str,
    encryptedPrivateKey: str,
    createdAt: str,
    retiredAt: String,
    revokedAt: String,
    revocationReason: String,
  },
  opts,
);
signingKey.index({ institutionId: 1 });

const credential = new Schema(
  {
    _id: str,
    institutionId: str,
    learnerId: str,
    kind: str,
    achievementTypes: [String],
    format: str,
    serialized: str,
    hash: str,
    statusList: { type: Number, required: true },
    statusIndex: { type: Number, required: true },
    revoked: { type: Boolean, required: true },
    suspended: { type: Boolean, required: true },
    issuedAt: str,
    requestKey: str,
    requestHash: String,
    ledgerEntryId: String,
    programmeId: String,
  },
  opts,
);
credential.index({ requestKey: 1 }, { unique: true });
// An institution's credentials, newest first (on MongoDB; the embedded engine uses the equality
// compounds of storage/models.ts for the filters and sorts what they select).
credential.index({ institutionId: 1, issuedAt: -1 });
credential.index({ learnerId: 1 });
// The highest list number is one index step.
credential.index({ institutionId: 1, statusList: -1 });

const statusSlot = new Schema({ _id: str, listKey: str, credentialId: str }, opts);
statusSlot.index({ listKey: 1 });

const event = new Schema(
  {
    _id: str,
    credentialId: str,
    institutionId: str,
    statusList: { type: Number, required: true },
    statusIndex: { type: Number, required: true },
    // `${institutionId}:${statusList}`: a status list's bits are derived from its events.
    statusListKey: str,
    action: str,
    reason: str,
    actor: { type: Schema.Types.Mixed, required: true },
    at: str,
  },
  opts,
);
event.index({ credentialId: 1 });
event.index({ statusListKey: 1 });

// Shares of a credential by its learner, found by the hash of the link's secret; their openings are
// appended, one document each.
const share = new Schema(
  {
    _id: str,
    tokenHash: str,
    credentialId: str,
    credentialIds: { type: [String], default: undefined },
    learnerId: str,
    audience: str,
    createdAt: str,
    expiresAt: str,
    revokedAt: String,
  },
  opts,
);
share.index({ tokenHash: 1 }, { unique: true });
share.index({ learnerId: 1 });

const shareView = new Schema(
  {
    _id: str,
    shareId: str,
    learnerId: str,
    at: str,
    via: str,
    viewer: String,
    userAgent: String,
  },
  opts,
);
shareView.index({ learnerId: 1 });

export function registerCredentialModels(c: Connection) {
  for (const schema of [signingKey, credential, statusSlot, event, share, shareView])
    refuseNulInQueries(schema);
  return {
    SigningKey: c.model('SigningKey', signingKey, 'signing_keys'),
    Credential: c.model('Credential', credential, 'credentials'),
    StatusSlot: c.model('StatusSlot', statusSlot, 'status_slots'),
    CredentialEvent: c.model('CredentialEvent', event, 'credential_events'),
    CredentialShare: c.model('CredentialShare', share, 'credential_shares'),
    ShareView: c.model('ShareView', shareView, 'share_views'),
  };
}

export type CredentialModels = ReturnType<typeof registerCredentialModels>;
