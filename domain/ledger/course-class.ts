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
  entries: Pick<LedgerRepository, 'listByCourse' | 'listByTarget'>;
  /** The credential issued for this result by a class issuance (requestKey `class:<entryId>`), if any. */
  classCredential(institutionId: string, entryId: string): Promise<string | null>;
}

const MAX_PAGE = 200;

const cursorOf = (e: LedgerEntry) => Buffer.from(`${e.recordedAt}|${e.id}`).toString('base64url');

/** `(recordedAt, id)` order, as the cursor: oldest first. */
type At = Pick<LedgerEntry, 'recordedAt' | 'id'>;
const byRecorded = (a: At, b: At) =>
  a.recordedAt < b.recordedAt
    ? -1
    : a.recordedAt > b.recordedAt
      ? 1
      : a.id < b.id
        ? -1
        : a.id > b.id
          ? 1
          : 0;

export class CourseClasses {
  constructor(private readonly d: CourseClassDeps) {}

  /**
   * The current results (recorded or corrected, neither voided nor corrected since) of a course the
   * institution recorded, oldest first, `first` at a time (default 100, at most 200), each with the
   * class credential issued for it: its staff (or its system reading records) and the operator.
   * The server finds the course's results, current or not, by one indexed lookup of the course
   * (`listByCourse`), keeps the term's, and then only those after the cursor that nothing corrected
   * or voided since (one indexed lookup by target each, until the page is full: a void carries no
   * course, and a correction that changed the course code is found under the other course). Its
   * cost is that of the course's entries, not of the institution's.
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
    let cursor: At | null = null;
    if (after) {
      const text = Buffer.from(after, 'base64url').toString('utf8');
      if (!/^\d{4}-\d\d-\d\dT[\d:.]+Z\|.+$/.test(text))
        throw new InputValidationError('after is a cursor from an earlier page', {
          field: 'after',
        });
      const cut = text.indexOf('|');
      cursor = { recordedAt: text.slice(0, cut), id: text.slice(cut + 1) };
    }
    const candidates = (await this.d.entries.listByCourse(institutionId, code))
      .filter((e) => {
        const b = e.body;
        // listByCourse checks the course against the hashed body; the type and term here.
        return (
          (b.type === 'achievement' || b.type === 'correction') &&
          b.achievement.courseCode === code &&
          (term === null || b.achievement.term === term)
        );
      })
      .filter((e) => cursor === null || byRecorded(e, cursor) > 0)
      .sort(byRecorded);
    const found: LedgerEntry[] = [];
    // One more than asked: whether there is a next page.
    for (const e of candidates) {
      // Current: nothing corrected or voided it since (an indexed lookup by target, on the
      // learner's chain, where corrections and voids are recorded: one shard of a cluster).
      if ((await this.d.entries.listByTarget(e.id, e.learnerId)).length === 0) found.push(e);
      if (found.length > size) break;
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
