// MongoDB implementations of the recognition ports (domain/recognition/ports.ts): each record is kept
// whole under `data`, next to the equality-indexed fields it is found by.
import type { Model } from 'mongoose';
import type { ApplicationRepository } from '../domain/recognition/index.ts';
import type { AwardApplication } from '../domain/recognition/index.ts';
import type { AwardConfirmation } from '../domain/recognition/index.ts';
import type { ProgrammeRepository } from '../domain/programmes/index.ts';
import type { RecognitionRepositories } from '../domain/recognition/index.ts';
import type { StoredProgramme } from '../domain/programmes/index.ts';
import type {
  RecognitionEvent,
  RecognitionRequestRecord,
  RecognitionRequestRepository,
  RuleRepository,
  StoredRule,
} from '../domain/recognition/index.ts';
import { isDuplicateKey } from './connection.ts';
import type { RecognitionModels } from './recognition-models.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyModel = Model<any>;

/** A plain JSON copy: no undefined values, no class instances (what the driver stores). */
const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

async function insert(m: AnyModel, doc: Record<string, unknown>): Promise<boolean> {
  try {
    await m.collection.insertOne(plain(doc));
    return true;
  } catch (err) {
    if (isDuplicateKey(err)) return false;
    throw err;
  }
}

async function find<T>(m: AnyModel, filter: Record<string, unknown>): Promise<T[]> {
  const docs = (await m.find(filter).lean()) as unknown as { data: T }[];
  return docs.map((d) => d.data);
}

async function one<T>(m: AnyModel, id: string): Promise<T | null> {
  const d = (await m.findById(id).lean()) as unknown as { data: T } | null;
  return d ? d.data : null;
}

export function recognitionRepositories(models: RecognitionModels): RecognitionRepositories {
  const rules: RuleRepository = {
    insert: (r) =>
      insert(models.RecognitionRule, {
        _id: `${r.ruleId}@${r.version}`,
        ruleId: r.ruleId,
        version: r.version,
        publisher: r.publisher,
        data: r,
      }),
    list: async () => sortVersions(await find<StoredRule>(models.RecognitionRule, {}), 'ruleId'),
    versions: async (ruleId) =>
      sortVersions(await find<StoredRule>(models.RecognitionRule, { ruleId }), 'ruleId'),
  };

  const programmes: ProgrammeRepository = {
    insert: (p) =>
      insert(models.Programme, {
        _id: `${p.programmeId}@${p.version}`,
        programmeId: p.programmeId,
        version: p.version,
        institutionId: p.institutionId,
        data: p,
      }),
    versions: async (programmeId) =>
      sortVersions(await find<StoredProgramme>(models.Programme, { programmeId }), 'programmeId'),
    list: async () =>
      sortVersions(await find<StoredProgramme>(models.Programme, {}), 'programmeId'),
  };

  const requests: RecognitionRequestRepository = {
    insert: async (r) => {
      await models.RecognitionRequest.collection.insertOne(
        plain({
          _id: r.id,
          learnerId: r.learnerId,
          targetInstitutionId: r.targetInstitutionId,
          data: r,
        }) as never,
      );
    },
    findById: (id) => one<RecognitionRequestRecord>(models.RecognitionRequest, id),
    listByLearner: async (learnerId) =>
      byCreated(await find<RecognitionRequestRecord>(models.RecognitionRequest, { learnerId })),
    listByTarget: async (targetInstitutionId) =>
      byCreated(
        await find<RecognitionRequestRecord>(models.RecognitionRequest, { targetInstitutionId }),
      ),
    appendEvent: (e) =>
      insert(models.RecognitionEvent, {
        _id: `${e.requestId}#${e.seq}`,
        requestId: e.requestId,
        seq: e.seq,
        data: e,
      }),
    events: async (requestId) =>
      (await find<RecognitionEvent>(models.RecognitionEvent, { requestId })).sort(
        (a, b) => a.seq - b.seq,
      ),
  };

  const applications: ApplicationRepository = {
    insert: (a) =>
      insert(models.AwardApplication, {
        _id: a.id,
        learnerId: a.learnerId,
        institutionId: a.institutionId,
        programmeId: a.programmeId,
        programmeVersion: a.programmeVersion,
        data: a,
      }),
    findById: (id) => one<AwardApplication>(models.AwardApplication, id),
    findByLearnerProgramme: async (learnerId, programmeId, programmeVersion) =>
      (
        await find<AwardApplication>(models.AwardApplication, {
          learnerId,
          programmeId,
          programmeVersion,
        })
      )[0] ?? null,
    listByLearner: async (learnerId) =>
      byApplied(await find<AwardApplication>(models.AwardApplication, { learnerId })),
    listByInstitution: async (institutionId) =>
      byApplied(await find<AwardApplication>(models.AwardApplication, { institutionId })),
    insertConfirmation: (c) => insert(models.AwardConfirmation, { _id: c.applicationId, data: c }),
    findConfirmation: (applicationId) =>
      one<AwardConfirmation>(models.AwardConfirmation, applicationId),
  };

  return { rules, programmes, requests, applications };
}

function sortVersions<T extends { version: number }>(
  list: T[],
  key: 'ruleId' | 'programmeId',
): T[] {
  const k = (x: T) => String((x as unknown as Record<string, unknown>)[key]);
  return list.sort((a, b) => k(a).localeCompare(k(b)) || a.version - b.version);
}

const byCreated = (list: RecognitionRequestRecord[]) =>
  list.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
const byApplied = (list: AwardApplication[]) =>
  list.sort((a, b) => a.appliedAt.localeCompare(b.appliedAt) || a.id.localeCompare(b.id));
