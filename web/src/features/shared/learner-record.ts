// A learner's whole record, read newest first a page at a time, with what corrected or voided what.
import { useEffect, useRef, useState } from 'react';
import { graphql } from '../../gql/index.ts';
import type { LearnerRecordPageQuery, LedgerEntryFieldsFragment } from '../../gql/graphql.ts';
import { execute, SessionExpired } from '../../lib/graphql.ts';

export const LedgerEntryFields = graphql(`
  fragment LedgerEntryFields on LedgerEntry {
    id
    seq
    type
    institutionId
    recordedAt
    sourceRecordId
    targetEntryId
    reason
    credentialId
    credentialAction
    programmeId
    achievement {
      kind
      title {
        zh
        en
      }
      courseCode
      credits
      creditSystem
      category
      level
      hours
      earnedAt
      term
      expiresAt
      grade {
        score
        letter
        points
        passed
      }
      recognition {
        ruleId
        ruleVersion
        sourceEntryIds
      }
    }
  }
`);

const RecordPageQuery = graphql(`
  query LearnerRecordPage($learnerId: ID!, $first: Int!, $after: String) {
    learnerRecord(learnerId: $learnerId, first: $first, after: $after, order: NEWEST_FIRST) {
      __typename
      ... on LedgerPage {
        items {
          ...LedgerEntryFields
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
      ... on ResultError {
        code
        message
      }
    }
  }
`);

export type Entry = LedgerEntryFieldsFragment;

/** The first page: a screenful, so that it comes back quickly. */
const FIRST_PAGE = 50;
/** The server's largest page, for the rest. */
const PAGE = 200;

export interface EntryView {
  entry: Entry;
  /** The entry's content as it stands now: the latest correction's, or its own. */
  current: Entry['achievement'];
  correctedBy: Entry[];
  voidedBy: Entry | undefined;
}

export interface LearnerRecord {
  entries: Entry[];
  views: Map<string, EntryView>;
}

export function buildRecord(entries: Entry[]): LearnerRecord {
  const views = new Map<string, EntryView>();
  for (const entry of entries) {
    if (entry.type === 'ACHIEVEMENT') {
      views.set(entry.id, {
        entry,
        current: entry.achievement,
        correctedBy: [],
        voidedBy: undefined,
      });
    }
  }
  for (const entry of entries) {
    const target = entry.targetEntryId ? views.get(entry.targetEntryId) : undefined;
    if (!target) continue;
    if (entry.type === 'CORRECTION') {
      target.correctedBy.push(entry);
      target.current = entry.achievement ?? target.current;
    } else if (entry.type === 'VOID') {
      target.voidedBy = entry;
    }
  }
  return { entries, views };
}

export interface LearnerRecordState {
  /** Oldest first; while `complete` is false, only the newest entries (progressive mode). */
  record?: LearnerRecord;
  /** Every page has arrived. */
  complete: boolean;
  /** How many entries the record holds (its newest entry's seq: a chain's seqs run from 1). */
  total: number;
  error?: Error;
  /** Nothing to show yet. */
  loading: boolean;
}

/**
 * A learner's whole record, read newest first a page at a time. Progressively, the record is given
 * after every page (the newest entries first, the rest as they arrive); otherwise only once whole.
 */
export function useLearnerRecord(
  learnerId: string,
  {
    progressive = false,
    holdRest = false,
  }: {
    progressive?: boolean;
    /** Wait with the pages after the first while true (something more urgent is being read). */
    holdRest?: boolean;
  } = {},
) {
  const held = useRef(holdRest);
  const release = useRef<(() => void) | null>(null);
  useEffect(() => {
    held.current = holdRest;
    if (!holdRest) {
      release.current?.();
      release.current = null;
    }
  }, [holdRest]);
  const [state, setState] = useState<LearnerRecordState>({
    loading: true,
    complete: false,
    total: 0,
  });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    void (async () => {
      const newest: Entry[] = [];
      let after: string | null | undefined = null;
      try {
        for (;;) {
          const data: LearnerRecordPageQuery = await execute(RecordPageQuery, {
            learnerId,
            first: newest.length === 0 ? FIRST_PAGE : PAGE,
            after,
          });
          if (!live) return;
          const page = data.learnerRecord;
          if (page.__typename === 'ResultError') throw new Error(page.message);
          if (page.__typename !== 'LedgerPage') break;
          newest.push(...page.items);
          if (!page.pageInfo.hasNextPage) break;
          after = page.pageInfo.endCursor;
          if (progressive) {
            setState({
              record: buildRecord([...newest].reverse()),
              complete: false,
              total: newest[0]?.seq ?? 0,
              loading: false,
            });
          }
          if (held.current) await new Promise<void>((r) => (release.current = r));
          if (!live) return;
        }
        if (live) {
          setState({
            record: buildRecord([...newest].reverse()),
            complete: true,
            total: newest.length,
            loading: false,
          });
        }
      } catch (error) {
        if (live && !(error instanceof SessionExpired)) {
          setState({
            error: error instanceof Error ? error : new Error(String(error)),
            complete: false,
            total: 0,
            loading: false,
          });
        }
      }
    })();
    return () => {
      live = false;
    };
  }, [learnerId, tick, progressive]);
  return { ...state, reload: () => setTick((n) => n + 1) };
}
