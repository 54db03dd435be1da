// A learner's whole record, every page of it, oldest first, with what corrected or voided what.
import { useEffect, useState } from 'react';
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
    learnerRecord(learnerId: $learnerId, first: $first, after: $after) {
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

/** The server's largest page. */
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

export function useLearnerRecord(learnerId: string) {
  const [state, setState] = useState<{ record?: LearnerRecord; error?: Error; loading: boolean }>({
    loading: true,
  });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    void (async () => {
      const entries: Entry[] = [];
      let after: string | null | undefined = null;
      try {
        for (;;) {
          const data: LearnerRecordPageQuery = await execute(RecordPageQuery, {
            learnerId,
            first: PAGE,
            after,
          });
          const page = data.learnerRecord;
          if (page.__typename === 'ResultError') throw new Error(page.message);
          if (page.__typename !== 'LedgerPage') break;
          entries.push(...page.items);
          if (!page.pageInfo.hasNextPage) break;
          after = page.pageInfo.endCursor;
        }
        if (live) setState({ record: buildRecord(entries), loading: false });
      } catch (error) {
        if (live && !(error instanceof SessionExpired)) {
          setState({
            error: error instanceof Error ? error : new Error(String(error)),
            loading: false,
          });
        }
      }
    })();
    return () => {
      live = false;
    };
  }, [learnerId, tick]);
  return { ...state, reload: () => setTick((n) => n + 1) };
}
