// Port of the programmes: their stored versions, implemented in storage/recognition-repositories.ts.
import type { ActorRef } from '../shared/index.ts';
import type { Programme } from './types.ts';

/** One defined version of a programme; never changed after insertion. */
export interface StoredProgramme {
  programmeId: string;
  version: number;
  institutionId: string;
  definedAt: string;
  definedBy: ActorRef;
  programme: Programme;
}

export interface ProgrammeRepository {
  /** False when that (programmeId, version) exists already. */
  insert(p: StoredProgramme): Promise<boolean>;
  versions(programmeId: string): Promise<StoredProgramme[]>;
  list(): Promise<StoredProgramme[]>;
}
