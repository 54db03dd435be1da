// Mongoose schemas: what is stored and which indexes guard it. Documents never leave storage/.
import { Schema, type Connection } from 'mongoose';
import { InputValidationError } from '../domain/shared/index.ts';

const opts = { versionKey: false, _id: false, strict: true } as const;
const str = { type: String, required: true };
const mixed = { type: Schema.Types.Mixed, required: true };

const institution = new Schema(
  {
    _id: str,
    slug: str,
    name: mixed,
    type: str,
    region: str,
    accreditation: mixed,
    status: str,
    createdAt: str,
  },
  opts,
);
institution.index({ slug: 1 }, { unique: true });

const user = new Schema(
  {
    _id: str,
    email: str,
    name: str,
    role: str,
    institutionId: String,
    learnerId: String,
    passwordHash: str,
    createdAt: str,
    tokenEpoch: Number,
    disabledAt: String,
  },
  opts,
);
user.index({ email: 1 }, { unique: true });
user.index({ institutionId: 1 });
user.index({ learnerId: 1 });

const apiKey = new Schema(
  {
    _id: str,
    institutionId: str,
    label: str,
    secretHash: str,
    scopes: [String],
    createdAt: str,
    createdBy: str,
    revokedAt: String,
    lastUsedAt: String,
  },
  opts,
);
apiKey.index({ institutionId: 1 });

const learner = new Schema(
  {
    _id: str,
    idHash: str,
    name: str,
    birthDate: String,
    did: String,
    createdAt: str,
    createdBy: mixed,
  },
  opts,
);
learner.index({ idHash: 1 }, { unique: true });

const course = new Schema(
  {
    _id: str,
    institutionId: str,
    code: str,
    version: { type: Number, required: true },
    title: mixed,
    credits: { type: Number, required: true },
    creditSystem: str,
    level: { type: Number, required: true },
    category: str,
    hours: Number,
    learningOutcomes: [String],
    createdAt: str,
    createdBy: str,
  },
  opts,
);
course.index({ institutionId: 1, code: 1, version: 1 }, { unique: true });
course.index({ institutionId: 1 });

/** Entries per block of a learner's chain (see seqBlock). */
export const SEQ_BLOCK = 64;

const entry = new Schema(
  {
    _id: str,
    hashVersion: Number,
    learnerId: str,
    seq: { type: Number, required: true },
    // Storage only (never hashed): which block of SEQ_BLOCK entries the entry falls in, so that a
    // page of a learner's record is an equality lookup, which FerretDB pushes down to PostgreSQL.
    seqBlock: Number,
    // Storage only (never hashed), on credential status entries only: `${institutionId}:${list}`,
    // so that a status list's changes are one top-level equality lookup (FerretDB does not push
    // `body.statusList` down, and filtered every entry of the institution to find them).
    statusListKey: String,
    // Storage only (never hashed), on results with a course code only (achievements and
    // corrections): `${institutionId}:${courseCode}`, so that a class (courseClass) is one
    // top-level equality lookup instead of a walk through every entry of the institution.
    courseKey: String,
    prevHash: str,
    hash: str,
    institutionId: str,
    actor: mixed,
    recordedAt: str,
    idempotencyKey: str,
    targetEntryId: String,
    body: mixed,
  },
  opts,
);
// _id is the idempotency key (institution + its record id): a replay is a duplicate _id.
entry.index({ learnerId: 1, seq: 1 }, { unique: true });
entry.index({ learnerId: 1, seqBlock: 1 });
entry.index({ institutionId: 1, recordedAt: 1 });
entry.index({ targetEntryId: 1 });
// A status list's chained status changes (statusListKey is on those entries only).
entry.index({ statusListKey: 1 });
// A course's results, current or not (courseKey is on those entries only).
entry.index({ courseKey: 1 });

/**
 * Indexes whose hot queries filter by equality on every field, by collection: on the embedded
 * engine each gets one multicolumn index (embedded-db/indexes.ts), so that a block of a learner's
 * chain, or one entry of it by seq (the credit account's check of its chain head), is found in the
 * index instead of by filtering every entry of the learner. Such an index also serves lookups by
 * its first field alone, which then gets no index of its own.
 */
export const EQUALITY_COMPOUNDS: Record<string, readonly (readonly string[])[]> = {
  ledger_entries: [
    ['learnerId', 'seqBlock'],
    ['learnerId', 'seq'],
  ],
  // An institution's credentials filtered by state, kind or programme (institutionCredentials).
  credentials: [
    ['institutionId', 'revoked', 'suspended'],
    ['institutionId', 'kind'],
    ['institutionId', 'programmeId'],
  ],
};

// Credit accounts are written insert-only, one version per learner per append (updates are an
// order of magnitude slower than inserts on the embedded engine); reads take the highest uptoSeq.
const account = new Schema(
  {
    _id: str,
    learnerId: str,
    uptoSeq: { type: Number, required: true },
    lastHash: str,
    buckets: mixed,
    seal: String,
  },
  opts,
);
account.index({ learnerId: 1, uptoSeq: 1 }, { unique: true });

/**
 * PostgreSQL (under FerretDB) cannot hold a NUL character, so a lookup for one fails inside the
 * engine: answer it as the input error it is, on every engine alike.
 */
export function refuseNulInQueries(schema: Schema): void {
  schema.pre(
    ['find', 'findOne', 'countDocuments', 'updateOne', 'deleteMany', 'replaceOne'],
    function () {
      if (JSON.stringify(this.getFilter()).includes('\\u0000')) {
        throw new InputValidationError('Text must not contain NUL characters');
      }
    },
  );
}

/**
 * One document per one-off storage migration that has run to the end (`_id` names it), so that a
 * migration which has to read a whole collection does so once, not at every start.
 */
const storageMark = new Schema({ _id: str, at: str }, opts);

export function registerModels(c: Connection) {
  for (const schema of [institution, user, apiKey, learner, course, entry, account, storageMark])
    refuseNulInQueries(schema);
  return {
    Institution: c.model('Institution', institution, 'institutions'),
    User: c.model('User', user, 'users'),
    ApiKey: c.model('ApiKey', apiKey, 'api_keys'),
    Learner: c.model('Learner', learner, 'learners'),
    Course: c.model('Course', course, 'courses'),
    Entry: c.model('Entry', entry, 'ledger_entries'),
    Account: c.model('Account', account, 'credit_account_versions'),
    StorageMark: c.model('StorageMark', storageMark, 'storage_marks'),
  };
}

export type Models = ReturnType<typeof registerModels>;
