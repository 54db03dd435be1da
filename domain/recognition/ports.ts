// Ports of recognition and awards: versioned rules, append-only request events and award applications
// (the degree audit, below awards, reads applications to decide who may see an audit). Declared here,
// implemented in storage/recognition-repositories.ts; the programmes' port is in programmes/ports.ts.
import type { RecognitionProposal } from './evaluate.ts';
import type { ProgrammeRepository } from '../programmes/index.ts';
import type { RecognitionRule } from './rules.ts';
import type { ActorRef } from '../shared/index.ts';
import type { CreditSystem } from '../shared/index.ts';

/** One published version of a recognition rule; never changed after insertion. */
export interface StoredRule {
  ruleId: string;
  version: number;
  kind: RecognitionRule['kind'];
  /** 'operator' or the publishing institution's id. */
  publisher: string;
  publishedAt: string;
  publishedBy: ActorRef;
  rule: RecognitionRule;
}

export interface RuleRepository {
  /** False when that (ruleId, version) exists already. */
  insert(r: StoredRule): Promise<boolean>;
  list(): Promise<StoredRule[]>;
  versions(ruleId: string): Promise<StoredRule[]>;
}

/** What a reviewer granted for one source entry. */
export interface GrantedCredit {
  sourceEntryId: string;
  /** Hundredths in `creditSystem`. */
  credits: number;
  creditSystem: CreditSystem;
  category: string;
  level?: number | undefined;
  /** The target course (`institution:code`) for an equivalence. */
  courseRef?: string | undefined;
  ruleId: string;
  ruleVersion: number;
}

export type RecognitionEventType =
  'requested' | 'auto_approved' | 'approved' | 'partly_approved' | 'rejected' | 'appealed';

export interface RecognitionEvent {
  requestId: string;
  /** 1, 2, 3 …: unique per request, so two reviewers cannot both decide. */
  seq: number;
  type: RecognitionEventType;
  at: string;
  actor: ActorRef;
  /** The acting institution, when an institution acted. */
  institutionId?: string | undefined;
  reason?: string | undefined;
  comment?: string | undefined;
  /** For decisions: what is recognised (empty on a rejection). */
  granted?: GrantedCredit[] | undefined;
}

/** A request as filed; its state is the fold of its events. */
export interface RecognitionRequestRecord {
  id: string;
  learnerId: string;
  targetInstitutionId: string;
  programmeId?: string | undefined;
  programmeVersion?: number | undefined;
  creditSystem: CreditSystem;
  entryIds: string[];
  /** The institution that filed it on the learner's behalf, if not the learner. */
  filedByInstitutionId?: string | undefined;
  createdAt: string;
  createdBy: ActorRef;
  /** evaluateRecognition's proposals at filing time, one per entry. */
  proposals: RecognitionProposal[];
}

export interface RecognitionRequestRepository {
  insert(r: RecognitionRequestRecord): Promise<void>;
  findById(id: string): Promise<RecognitionRequestRecord | null>;
  listByLearner(learnerId: string): Promise<RecognitionRequestRecord[]>;
  listByTarget(institutionId: string): Promise<RecognitionRequestRecord[]>;
  /** False when an event with that (requestId, seq) exists: someone else acted first. */
  appendEvent(e: RecognitionEvent): Promise<boolean>;
  events(requestId: string): Promise<RecognitionEvent[]>;
}

export interface AwardApplication {
  id: string;
  learnerId: string;
  institutionId: string;
  programmeId: string;
  programmeVersion: number;
  appliedAt: string;
  appliedBy: ActorRef;
  /** The entries the passing audit counted, when the learner applied. */
  achievementEntryIds: string[];
  /**
   * Set when the audit could not prove a verdict in its time limit (NOT_PROVEN): the application
   * is not refused but waits for staff to review the record, for this reason.
   */
  reviewReason?: string;
}

export interface AwardConfirmation {
  applicationId: string;
  confirmedAt: string;
  confirmedBy: ActorRef;
}

export interface ApplicationRepository {
  /** False when the learner applied to that programme version already. */
  insert(a: AwardApplication): Promise<boolean>;
  findById(id: string): Promise<AwardApplication | null>;
  findByLearnerProgramme(
    learnerId: string,
    programmeId: string,
    programmeVersion: number,
  ): Promise<AwardApplication | null>;
  listByLearner(learnerId: string): Promise<AwardApplication[]>;
  listByInstitution(institutionId: string): Promise<AwardApplication[]>;
  /** False when the application was confirmed already. */
  insertConfirmation(c: AwardConfirmation): Promise<boolean>;
  findConfirmation(applicationId: string): Promise<AwardConfirmation | null>;
}

export interface RecognitionRepositories {
  rules: RuleRepository;
  programmes: ProgrammeRepository;
  requests: RecognitionRequestRepository;
  applications: ApplicationRepository;
}
