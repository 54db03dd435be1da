// How a MongoDB sharded cluster splits the collections that grow with learners × time, and why (docs/cluster.md).

export interface ShardKey {
  /** The shard key, as given to `sh.shardCollection`. */
  key: Record<string, 1 | 'hashed'>;
  why: string;
}

/**
 * The sharded collections. Every other collection stays unsharded on its database's primary shard:
 * reference data (institutions, courses, rules, programmes, keys) is small, and the collections
 * guarded by a unique index on something other than the learner (learners by national-ID hash,
 * users by email, credentials by request key, status slots by list position) cannot be sharded
 * without that index starting with the shard key (see docs/cluster.md, "What stays unsharded").
 */
export const SHARD_KEYS: Readonly<Record<string, ShardKey>> = {
  ledger_entries: {
    key: { learnerId: 1 },
    why: 'Every hot read (record page, chain check, account rebuild, audit) and every append is for one learner: all of a learner’s chain on one shard, read by one targeted query. Learner ids are random UUIDs, so ranged chunks take new learners evenly (no hot spot); the unique (learnerId, seq) index that serialises a chain starts with the key.',
  },
  credit_account_versions: {
    key: { learnerId: 1 },
    why: 'Read and written per learner with every append; the unique (learnerId, uptoSeq) index starts with the key.',
  },
  share_views: {
    key: { learnerId: 1 },
    why: 'Append-only openings of shared links, read per learner (“who looked”).',
  },
};

/** The field a targeted query must carry, for each sharded collection. */
export const shardKeyFields = (collection: string): string[] =>
  Object.keys(SHARD_KEYS[collection]?.key ?? {});
