// Ports of the checkpoint log: the signed checkpoints and the institutions that co-sign them.
export interface PublishedHead {
  learnerId: string;
  seq: number;
  headHash: string;
}

export interface StoredCheckpoint {
  number: number;
  /** Leaves in the log after this checkpoint (the tree size it signs). */
  size: number;
  /** Root hash, hex. */
  rootHash: string;
  /** The checkpoint text the signatures cover. */
  body: string;
  /** The signed note: the body, a blank line, the log's signature and any cosignatures. */
  note: string;
  /** The chain heads this checkpoint appended to the log, in leaf order. */
  heads: PublishedHead[];
  createdAt: string;
  /** Entries recorded before this time (less a margin for clocks and appends in flight) were looked at. */
  scannedFrom: string;
}

export interface CheckpointRepository {
  /** false when a checkpoint with that number exists already (another publisher won). */
  insert(c: StoredCheckpoint): Promise<boolean>;
  latest(): Promise<StoredCheckpoint | null>;
  /** Checkpoints numbered above `number`, in order. */
  listAfter(number: number): Promise<StoredCheckpoint[]>;
}

export interface Cosigner {
  institutionId: string;
  enabled: boolean;
  changedAt: string;
  changedBy: string;
}

export interface CosignerRepository {
  put(c: Cosigner): Promise<void>;
  list(): Promise<Cosigner[]>;
}
