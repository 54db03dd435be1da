// A class, found on the server: the current results of one course (and term) an institution recorded, a page at a time.
import { requireOperatorOrInstitution, type Actor } from '../identity/index.ts';
import { boundedString, InputValidationError } from '../shared/index.ts';
import type { LedgerEntry, LedgerRepository, Page } from '../shared/index.ts';

/** One result of the class, with the credential already issued for it under the class's key, if any. */
export interface ClassMember {
  entry: LedgerEntry;
  credentialId: string | null;
}

export interface CourseClassDeps {
  entries: Pick<LedgerRepository, 'listByInstitution' | 'listByTarget'>;
  /** The credential issued for this result by a class issuance (requestKey `class:<entryId>`), if any. */
  classCredential(institutionId: string, entryId: string): Promise<string | null>;
}

const MAX_PAGE = 200;
/** How many of the institution's entries one read takes while looking for the class's. */
const SCAN = 500;

const cursorOf = (e: LedgerEntry) => Buffer.from(`${e.recordedAt}|${e.id}`).toString('base64url');

export class CourseClasses {
  constructor(private readonly d: CourseClassDeps) {}

  /**
   * The current results (recorded or corrected, neither voided nor corrected since) of a course the
   * institution recorded, oldest first, `first` at a time (default 100, at most 200), each with the
   * class credential issued for it: its staff (or its system reading records) and the operator.
   * The server reads the institution's entries in order through its index and keeps the course's:
   * its cost is that of the institution's entries after the cursor, not of the class alone.
   */
  async find(
    actor: Actor,
    institutionId: string,
    q: { courseCode: string; term?: string | null | undefined },
    first?: number | null,
    after?: string | null,
  ): Promise<Page<ClassMember>> {
    requireOperatorOrInstitution(actor, institutionId, 'records:read');
    const code = boundedString(q.courseCode, 'courseCode', 50).trim();
    if (!code) throw new InputValidationError('Give a course code', { field: 'courseCode' });
    const term = q.term?.trim() ? boundedString(q.term.trim(), 'term', 50) : null;
    const size = first ?? 100;
    if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE)
      throw new InputValidationError(`first is a whole number from 1 to ${MAX_PAGE}`, {
        field: 'first',
      });
    let cursor: string | null = null;
    if (after) {
      cursor = Buffer.from(after, 'base64url').toString('utf8');
      if (!/^\d{4}-\d\d-\d\dT[\d:.]+Z\|.+$/.test(cursor))
        throw new InputValidationError('after is a cursor from an earlier page', {
          field: 'after',
        });
    }
    const found: LedgerEntry[] = [];
    // One more than asked: whether there is a next page.
    while (found.length <= size) {
      const batch = await this.d.entries.listByInstitution(institutionId, cursor, SCAN);
      for (const e of batch) {
        const body = e.body;
        if (
          (body.type === 'achievement' || body.type === 'correction') &&
          body.achievement.courseCode === code &&
          (term === null || body.achievement.term === term) &&
          // Current: nothing corrected or voided it since (an indexed lookup by target).
          (await this.d.entries.listByTarget(e.id)).length === 0
        ) {
          found.push(e);
          if (found.length > size) break;
        }
      }
      const last = batch.at(-1);
      if (batch.length < SCAN || !last) break;
      cursor = `${last.recordedAt}|${last.id}`;
    }
    const items = found.slice(0, size);
    const members = await Promise.all(
      items.map(async (entry) => ({
        entry,
        credentialId: await this.d.classCredential(institutionId, entry.id),
      })),
    );
    const last = items.at(-1);
    return { items: members, nextCursor: found.length > size && last ? cursorOf(last) : null };
  }
}
