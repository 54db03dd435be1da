// Resolvers of recognition rules and requests, programmes, the degree audit and awards: thin calls
// into the domain services, and presenters from domain records (hundredths) to the API (decimals).
import { parseDefinition } from '../../domain/recognition/index.ts';
import { walkRequirements } from '../../domain/programmes/index.ts';
import type { AuditReport } from '../../domain/audit/index.ts';
import { missingSummaryText } from '../../domain/awards/index.ts';
import type { ApplicationView } from '../../domain/awards/index.ts';
import type { RecognitionView } from '../../domain/recognition/index.ts';
import type { StoredProgramme } from '../../domain/programmes/index.ts';
import type { GrantedCredit as DomainGrant, StoredRule } from '../../domain/recognition/index.ts';
import type {
  DegreeAudit,
  GrantedCredit,
  HypotheticalCreditInput,
  Programme,
  ProgrammeRequirement,
  RecognitionRule,
  Resolvers,
  ResolversTypes,
} from './generated-types.ts';
import { lower, result, upper } from './results.ts';

const dec = (hundredths: number) => hundredths / 100;

export function presentRule(r: StoredRule): RecognitionRule {
  return {
    ruleId: r.ruleId,
    version: r.version,
    kind: r.kind,
    automatic: r.rule.automatic,
    effectiveFrom: r.rule.effectiveFrom,
    effectiveUntil: r.rule.effectiveUntil ?? null,
    publisher: r.publisher,
    publishedAt: r.publishedAt,
    definition: JSON.stringify(r.rule),
  };
}

export function presentProgramme(s: StoredProgramme): Programme {
  const p = s.programme;
  const requirements: ProgrammeRequirement[] = [];
  walkRequirements(p.requirements, (n, parent) =>
    requirements.push({
      id: n.id,
      kind: n.kind,
      parentId: parent?.id ?? null,
      label: n.label ?? null,
    }),
  );
  return {
    id: p.id,
    version: s.version,
    institutionId: p.institutionId,
    partnerInstitutionIds: p.partnerInstitutionIds,
    name: p.name,
    qualificationType: upper(p.qualificationType),
    level: p.level,
    creditSystem: p.creditSystem,
    effectiveFrom: p.effectiveFrom ?? null,
    definedAt: s.definedAt,
    requirements,
    definition: JSON.stringify(p),
  };
}

const presentGrant = (g: DomainGrant): GrantedCredit => ({
  ...g,
  credits: dec(g.credits),
  level: g.level ?? null,
  courseRef: g.courseRef ?? null,
});

export function presentRequest(v: RecognitionView): ResolversTypes['RecognitionRequest'] {
  const r = v.request;
  return {
    id: r.id,
    learnerId: r.learnerId,
    targetInstitutionId: r.targetInstitutionId,
    programmeId: r.programmeId ?? null,
    programmeVersion: r.programmeVersion ?? null,
    creditSystem: r.creditSystem,
    entryIds: r.entryIds,
    filedByInstitutionId: r.filedByInstitutionId ?? null,
    createdAt: r.createdAt,
    status: upper(v.status),
    proposals: r.proposals.map((p) => ({
      entryId: p.entryId,
      outcome: p.outcome,
      credits: dec(p.credits),
      creditSystem: p.creditSystem,
      category: p.category ?? null,
      level: p.level ?? null,
      courseRef: p.courseRef ?? null,
      ruleId: p.rule?.id ?? null,
      ruleVersion: p.rule?.version ?? null,
      automatic: p.automatic,
      reason: p.reason ?? null,
      text: p.text,
    })),
    granted: v.granted.map(presentGrant),
    recognizedEntries: v.recognizedEntries,
    history: v.events.map((e) => ({
      seq: e.seq,
      type: upper(e.type),
      at: e.at,
      actor: e.actor,
      institutionId: e.institutionId ?? null,
      reason: e.reason ?? null,
      comment: e.comment ?? null,
      granted: (e.granted ?? []).map(presentGrant),
    })),
  };
}

const amounts = (m: Record<string, number>) =>
  Object.entries(m)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, credits]) => ({ key, credits: dec(credits) }));

export function presentAudit(a: AuditReport): DegreeAudit {
  const r = a.result;
  return {
    learnerId: a.learnerId,
    programme: presentProgramme(a.programme),
    asOf: r.asOf,
    passed: r.passed,
    missing: r.passed ? [] : missingSummaryText(r),
    requirements: r.requirements.map((q) => {
      const credits = q.unit === 'credits';
      const amount = (n: number) => (credits ? dec(n) : n);
      return {
        id: q.id,
        kind: q.kind,
        parentId: q.parentId ?? null,
        label: q.label,
        met: q.met,
        unit: upper(q.unit),
        required: amount(q.required),
        counted: amount(q.counted),
        missingAmount: q.missing.amount !== undefined ? amount(q.missing.amount) : null,
        missing: q.missing.text,
        entries: q.entries,
      };
    }),
    allocations: r.allocations.map((x) => ({
      entryId: x.entryId,
      credits: dec(x.credits),
      requirementId: x.requirementId ?? null,
      viaEquivalences: (x.viaEquivalences ?? []).map((e) => `${e.ruleId} v${e.ruleVersion}`),
    })),
    excluded: r.excluded.map((x) => ({
      entryId: x.entryId,
      reason: x.reason,
      text: x.text,
      requirementId: x.requirementId ?? null,
      ruleId: x.ruleId ?? null,
      countedEntryId: x.countedEntryId ?? null,
      lastValidDay: x.lastValidDay ?? null,
    })),
    totals: {
      creditSystem: r.totals.creditSystem,
      counted: dec(r.totals.counted),
      excluded: dec(r.totals.excluded),
      residency: dec(r.totals.residency),
      gpa: r.totals.gpa,
      byCategory: amounts(r.totals.byCategory),
      byInstitution: amounts(r.totals.byInstitution),
      byYear: amounts(r.totals.byYear),
    },
    hypothetical: a.hypothetical,
    exactAllocation: r.solver.exact,
    verdict: r.verdict,
    solverMs: r.solver.ms,
  };
}

export function presentApplication(v: ApplicationView): ResolversTypes['AwardApplication'] {
  const a = v.application;
  const body = v.awardEntry?.body;
  return {
    id: a.id,
    learnerId: a.learnerId,
    institutionId: a.institutionId,
    programmeId: a.programmeId,
    programmeVersion: a.programmeVersion,
    appliedAt: a.appliedAt,
    status: v.awardEntry ? 'AWARDED' : a.reviewReason ? 'UNDER_REVIEW' : 'APPLIED',
    reviewReason: a.reviewReason ?? null,
    confirmedAt: v.confirmation?.confirmedAt ?? null,
    achievementEntryIds: a.achievementEntryIds,
    awardEntry: v.awardEntry,
    credentialId: body?.type === 'award' ? (body.credentialId ?? null) : null,
  };
}

const hypothetical = (list: readonly HypotheticalCreditInput[] | null | undefined) =>
  (list ?? []).map((h) => ({ ...h, kind: h.kind ? lower(h.kind) : null }));

export const recognitionResolvers: Resolvers = {
  Query: {
    recognitionRules: async (_p, { publisher }, { services }) =>
      (await services.rules.list({ publisher })).map(presentRule),
    recognitionRuleVersions: (_p, { ruleId }, { services }) =>
      result('RecognitionRuleList', async () => ({
        items: (await services.rules.versions(ruleId)).map(presentRule),
      })),
    programmes: async (_p, { institutionId }, { services }) =>
      (await services.programmes.list(institutionId)).map(presentProgramme),
    programme: (_p, { id, version }, { services }) =>
      result('Programme', async () => presentProgramme(await services.programmes.get(id, version))),
    programmeVersions: (_p, { id }, { services }) =>
      result('ProgrammeList', async () => ({
        items: (await services.programmes.versions(id)).map(presentProgramme),
      })),
    recognitionRequest: (_p, { id }, { actor, services }) =>
      result('RecognitionRequest', async () =>
        presentRequest(await services.recognition.get(actor, id)),
      ),
    recognitionRequests: (_p, { learnerId, institutionId }, { actor, services }) =>
      result('RecognitionRequestList', async () => ({
        items: (await services.recognition.list(actor, { learnerId, institutionId })).map(
          presentRequest,
        ),
      })),
    degreeAudit: (_p, { learnerId, programmeId, version, asOf }, { actor, services }) =>
      result('DegreeAudit', async () =>
        presentAudit(await services.audits.audit(actor, learnerId, programmeId, { version, asOf })),
      ),
    whatIfAudit: (_p, args, { actor, services }) =>
      result('DegreeAudit', async () =>
        presentAudit(
          await services.audits.audit(actor, args.learnerId, args.programmeId, {
            version: args.version,
            asOf: args.asOf,
            hypothetical: hypothetical(args.hypothetical),
          }),
        ),
      ),
    awardApplication: (_p, { id }, { actor, services }) =>
      result('AwardApplication', async () =>
        presentApplication(await services.awards.get(actor, id)),
      ),
    awardApplications: (_p, { learnerId, institutionId }, { actor, services }) =>
      result('AwardApplicationList', async () => ({
        items: (await services.awards.list(actor, { learnerId, institutionId })).map(
          presentApplication,
        ),
      })),
  },
  Mutation: {
    publishRecognitionRule: (_p, { definition }, { actor, services }) =>
      result('RecognitionRule', async () =>
        presentRule(await services.rules.publish(actor, parseDefinition(definition))),
      ),
    defineProgramme: (_p, { definition }, { actor, services }) =>
      result('Programme', async () =>
        presentProgramme(await services.programmes.define(actor, parseDefinition(definition))),
      ),
    requestRecognition: (_p, { input }, { actor, services }) =>
      result('RecognitionRequest', async () =>
        presentRequest(await services.recognition.request(actor, input)),
      ),
    approveRecognition: (_p, { requestId, items, comment, supersede }, { actor, services }) =>
      result('RecognitionRequest', async () =>
        presentRequest(
          await services.recognition.approve(actor, requestId, items, comment, {
            supersede: supersede === true,
          }),
        ),
      ),
    partlyApproveRecognition: (_p, { requestId, items, reason, supersede }, { actor, services }) =>
      result('RecognitionRequest', async () =>
        presentRequest(
          await services.recognition.partlyApprove(actor, requestId, items, reason, {
            supersede: supersede === true,
          }),
        ),
      ),
    rejectRecognition: (_p, { requestId, reason }, { actor, services }) =>
      result('RecognitionRequest', async () =>
        presentRequest(await services.recognition.reject(actor, requestId, reason)),
      ),
    appealRecognition: (_p, { requestId, comment }, { actor, services }) =>
      result('RecognitionRequest', async () =>
        presentRequest(await services.recognition.appeal(actor, requestId, comment)),
      ),
    applyForAward: (_p, { programmeId, version }, { actor, services }) =>
      result('AwardApplication', async () =>
        presentApplication(await services.awards.apply(actor, programmeId, version)),
      ),
    confirmAward: (_p, { applicationId }, { actor, services }) =>
      result('AwardApplication', async () =>
        presentApplication(await services.awards.confirm(actor, applicationId)),
      ),
  },
};
