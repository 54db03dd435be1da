// Bulk import from a student information system: CSV or JSON lines, streamed, validated row by row.
import { parse } from 'csv-parse';
import { Readable, pipeline } from 'node:stream';
import type { Actor } from '../identity/index.ts';
import { DomainError, InputValidationError, type ErrorCode } from '../shared/index.ts';
import type { AchievementInput } from './achievement-input.ts';
import type { LearnerRegistry } from '../identity/index.ts';
import { NEW_LEARNER_IN_DRY_RUN, type LedgerService } from './ledger-service.ts';

export const IMPORT_COLUMNS = [
  'sourceRecordId',
  'learnerId',
  'nationalId',
  'learnerName',
  'kind',
  'courseCode',
  'titleZh',
  'titleEn',
  'credits',
  'creditSystem',
  'category',
  'altCategories',
  'level',
  'hours',
  'score',
  'letter',
  'points',
  'passed',
  'earnedAt',
  'term',
  'expiresAt',
  'evidenceUrl',
] as const;

export interface ImportRowError {
  line: number;
  sourceRecordId?: string | undefined;
  code: ErrorCode;
  message: string;
  field?: string | undefined;
}

export interface ImportReport {
  dryRun: boolean;
  /** Set for an all-or-nothing import: whether the rows were written (no row failed the check). */
  allOrNothing?: boolean;
  written?: boolean;
  rows: number;
  created: number;
  duplicates: number;
  failed: number;
  /** Rows that passed every check without being written (a dry run, or an all-or-nothing refusal). */
  valid?: number;
  errors: ImportRowError[];
}

export interface ImportOptions {
  format: 'csv' | 'jsonl';
  dryRun?: boolean;
  batchSize?: number;
  /** Called after every batch; the CLI draws its progress bar from it. */
  onProgress?: (r: ImportReport & { bytes: number }) => void;
  /** Keeps at most this many row errors in the report (all are counted). */
  maxErrors?: number;
  /** Check every row first, and write nothing unless every row is good. */
  allOrNothing?: boolean;
  /** Batches written at the same time (default 2; a dry run or all-or-nothing check writes one at a time). */
  parallel?: number;
}

/** The file's bytes, or a function opening them afresh (which an all-or-nothing import needs). */
export type ImportSource = AsyncIterable<Buffer | string> | (() => AsyncIterable<Buffer | string>);

type RawRow = Record<string, unknown>;
/** A row waiting in a batch; `register` names a learner to register once the row proves valid. */
interface PendingRow {
  line: number;
  sourceRecordId?: string | undefined;
  input: AchievementInput;
  register?: { nationalId: string; name: string } | undefined;
}
interface ParsedRow {
  line: number;
  raw: RawRow | null;
  error?: DomainError;
}

/** A cell or JSON value as text; objects and arrays are not scalars. */
const text = (v: unknown, field = 'value'): string | undefined => {
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw new InputValidationError(`${field} must be a single value`, { field });
};
const num = (v: unknown, field: string): number | undefined => {
  const t = text(v, field);
  if (t === undefined) return undefined;
  const n = typeof v === 'number' ? v : Number(t.trim());
  if (!Number.isFinite(n))
    throw new InputValidationError(`${field} is not a number: "${t}"`, { field });
  return n;
};
const str = (v: unknown): string | undefined => text(v);
/** Cross-listed categories: a JSON array of words, or one cell with words separated by "|" or ";". */
const categoryList = (v: unknown): string[] | undefined => {
  if (Array.isArray(v)) return v.map((x) => text(x, 'altCategories') ?? '').filter(Boolean);
  const t = text(v, 'altCategories');
  return t
    ?.split(/[|;]/)
    .map((x) => x.trim())
    .filter(Boolean);
};
const bool = (v: unknown, field: string): boolean | undefined => {
  const t = text(v, field);
  if (t === undefined) return undefined;
  if (['true', '1', 'yes'].includes(t)) return true;
  if (['false', '0', 'no'].includes(t)) return false;
  throw new InputValidationError(`${field} is true or false, got "${t}"`, { field });
};

/** Turns a flat row (CSV columns, or a JSON object of the same names or the GraphQL shape) into an input. */
function toInput(raw: RawRow, learnerId: string): AchievementInput {
  const title =
    raw['title'] && typeof raw['title'] === 'object'
      ? (raw['title'] as AchievementInput['title'])
      : raw['titleZh'] || raw['titleEn']
        ? { zh: str(raw['titleZh']), en: str(raw['titleEn']) }
        : undefined;
  const g = raw['grade'] && typeof raw['grade'] === 'object' ? (raw['grade'] as RawRow) : raw;
  const score = num(g['score'], 'score');
  const points = num(g['points'], 'points');
  const letter = str(g['letter']);
  const passed = bool(g['passed'], 'passed');
  const grade =
    score !== undefined || points !== undefined || letter || passed !== undefined
      ? { score, points, letter, passed }
      : undefined;
  return {
    learnerId,
    sourceRecordId: str(raw['sourceRecordId']) ?? '',
    kind: (str(raw['kind']) ?? '').toLowerCase(),
    courseCode: str(raw['courseCode']),
    title,
    credits: num(raw['credits'], 'credits'),
    creditSystem: str(raw['creditSystem'])?.toUpperCase(),
    category: str(raw['category']),
    altCategories: categoryList(raw['altCategories']),
    level: num(raw['level'], 'level'),
    hours: num(raw['hours'], 'hours'),
    grade,
    earnedAt: str(raw['earnedAt']) ?? '',
    term: str(raw['term']),
    expiresAt: str(raw['expiresAt']),
    evidenceUrl: str(raw['evidenceUrl']),
  };
}

/** One physical line of the file, decoded; `bad` when its bytes are not UTF-8. */
interface TextLine {
  line: number;
  text: string;
  bad: boolean;
  /** The line was longer than MAX_LINE_BYTES: its bytes were dropped and `text` is empty. */
  tooLong?: boolean;
}

const MAX_LINE_BYTES = 1_000_000;

/**
 * Splits the bytes into lines (a 0x0A byte is never part of a multi-byte UTF-8 character) and
 * decodes each line strictly on its own, so a broken byte spoils its own line only: that line is
 * reported with its number and the rows around it are imported.
 */
async function* decodeLines(
  source: AsyncIterable<Buffer | string>,
  counter: { bytes: number },
): AsyncGenerator<TextLine> {
  const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const lenient = new TextDecoder('utf-8', { ignoreBOM: true });
  let line = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const decode = (bytes: Buffer): TextLine => {
    line++;
    let body = bytes;
    if (line === 1 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf)
      body = body.subarray(3);
    try {
      return { line, text: strict.decode(body), bad: false };
    } catch {
      return { line, text: lenient.decode(body), bad: true };
    }
  };
  // An overlong line is dropped as it streams by (memory stays flat) and reported on its own.
  let skipping = false;
  for await (const chunk of source) {
    let buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    counter.bytes += buf.length;
    let nl: number;
    while ((nl = buf.indexOf(0x0a)) >= 0) {
      if (skipping) {
        skipping = false;
        yield { line: ++line, text: '', bad: false, tooLong: true };
      } else {
        pending.push(buf.subarray(0, nl + 1));
        yield decode(pending.length === 1 ? pending[0]! : Buffer.concat(pending));
      }
      pending = [];
      pendingBytes = 0;
      buf = buf.subarray(nl + 1);
    }
    if (buf.length > 0 && !skipping) {
      pending.push(buf);
      pendingBytes += buf.length;
      if (pendingBytes > MAX_LINE_BYTES) {
        skipping = true;
        pending = [];
        pendingBytes = 0;
      }
    }
  }
  if (skipping) yield { line: ++line, text: '', bad: false, tooLong: true };
  else if (pendingBytes > 0) yield decode(Buffer.concat(pending));
}

const tooLong = (line: number) =>
  new InputValidationError(
    `Line ${line} is longer than 1 MB; it was skipped (no row is that long: is this the right file?)`,
  );

const notUtf8 = (line: number) =>
  new InputValidationError(
    `Line ${line} is not valid UTF-8; save the file as UTF-8 (this row was not imported)`,
  );

function checkHeader(cols: string[]): void {
  const unknown = cols.filter((c) => !(IMPORT_COLUMNS as readonly string[]).includes(c));
  if (unknown.length) {
    throw new InputValidationError(
      `Unknown column(s): ${unknown.join(', ')}. Known columns: ${IMPORT_COLUMNS.join(', ')}`,
    );
  }
  for (const need of ['sourceRecordId', 'kind', 'earnedAt']) {
    if (!cols.includes(need)) throw new InputValidationError(`The header lacks the column ${need}`);
  }
  if (!cols.includes('learnerId') && !cols.includes('nationalId')) {
    throw new InputValidationError('The header needs a learnerId or a nationalId column');
  }
}

async function* csvRows(lines: AsyncIterable<TextLine>): AsyncGenerator<ParsedRow> {
  let headerError: DomainError | undefined;
  const badLines: number[] = [];
  // A row the parser cannot read (too few or too many cells, a stray quote) is skipped and
  // reported on its own line; the parser carries on with the next row.
  const skipped: ParsedRow[] = [];
  const parser = parse({
    columns: (header: string[]) => {
      try {
        if (badLines[0] === 1) throw notUtf8(1);
        checkHeader(header);
      } catch (err) {
        headerError = err as DomainError;
      }
      return header;
    },
    skip_empty_lines: true,
    trim: true,
    info: true,
    relax_quotes: false,
    skip_records_with_error: true,
  });
  parser.on('skip', (err: { message?: string; lines?: number }) => {
    const line = err.lines ?? 0;
    skipped.push({
      line,
      raw: null,
      error: new InputValidationError(`CSV error on line ${line}: ${err.message ?? 'unreadable'}`),
    });
  });
  async function* text(): AsyncGenerator<string> {
    for await (const l of lines) {
      if (l.tooLong) {
        // Reported in line order among the rows the parser skips; the parser sees a blank line.
        const at = skipped.findIndex((r) => r.line > l.line);
        const row = { line: l.line, raw: null, error: tooLong(l.line) };
        if (at < 0) skipped.push(row);
        else skipped.splice(at, 0, row);
        yield '\n';
        continue;
      }
      if (l.bad) badLines.push(l.line);
      yield l.text;
    }
  }
  // pipeline (unlike pipe) passes a source error, such as an overlong line, on to the parser.
  pipeline(Readable.from(text()), parser, () => {});
  let previousEnd = 1;
  try {
    for await (const rec of parser as AsyncIterable<{ record: RawRow; info: { lines: number } }>) {
      if (headerError) break;
      const end = rec.info.lines;
      while (skipped.length > 0 && skipped[0]!.line < end) {
        const row = skipped.shift()!;
        previousEnd = Math.max(previousEnd, row.line);
        yield row;
      }
      // A record ends on `end` and began after the previous one ended: a broken byte anywhere
      // in between spoils this record, and is reported on its own line.
      while (badLines.length > 0 && badLines[0]! <= previousEnd) badLines.shift();
      const bad = badLines.length > 0 && badLines[0]! <= end ? badLines[0]! : undefined;
      previousEnd = end;
      if (bad !== undefined) yield { line: bad, raw: null, error: notUtf8(bad) };
      else yield { line: end, raw: rec.record };
    }
  } catch (err) {
    if (err instanceof DomainError) throw err;
    const e = err as { message?: string; lines?: number };
    throw new InputValidationError(
      `CSV error${e.lines ? ` on line ${e.lines}` : ''}: ${e.message ?? String(err)}`,
    );
  }
  if (headerError) throw headerError;
  yield* skipped.splice(0);
}

async function* jsonlRows(lines: AsyncIterable<TextLine>): AsyncGenerator<ParsedRow> {
  for await (const { line, text, bad, tooLong: long } of lines) {
    if (long) {
      yield { line, raw: null, error: tooLong(line) };
      continue;
    }
    const t = text.trim();
    if (!t) continue;
    if (bad) {
      yield { line, raw: null, error: notUtf8(line) };
      continue;
    }
    try {
      const v: unknown = JSON.parse(t);
      if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error('not an object');
      yield { line, raw: v as RawRow };
    } catch {
      yield { line, raw: null, error: new InputValidationError('This line is not a JSON object') };
    }
  }
}

export class BulkImporter {
  constructor(
    private readonly ledger: LedgerService,
    private readonly learners: LearnerRegistry,
  ) {}

  /**
   * Streams rows into the ledger in batches. Every row is all-or-nothing and keyed by its
   * sourceRecordId, so an interrupted import can simply be run again. With `allOrNothing` the
   * file is read twice: first every row is checked as in a dry run, and only a file without a
   * bad row is then written (so `source` must be a function that opens the file afresh).
   */
  async import(
    actor: Actor,
    institutionId: string,
    source: ImportSource,
    opts: ImportOptions,
  ): Promise<ImportReport> {
    const open = typeof source === 'function' ? source : () => source;
    if (!opts.allOrNothing || opts.dryRun) return this.#run(actor, institutionId, open(), opts);
    if (typeof source !== 'function') {
      throw new TypeError('An all-or-nothing import reads its source twice: pass a function');
    }
    const check = await this.#run(actor, institutionId, open(), { ...opts, dryRun: true });
    if (check.failed > 0) return { ...check, dryRun: false, allOrNothing: true, written: false };
    const report = await this.#run(actor, institutionId, open(), { ...opts, allOrNothing: false });
    return { ...report, allOrNothing: true, written: true };
  }

  async #run(
    actor: Actor,
    institutionId: string,
    source: AsyncIterable<Buffer | string>,
    opts: ImportOptions,
  ): Promise<ImportReport> {
    const batchSize = opts.batchSize ?? 1000;
    const maxErrors = opts.maxErrors ?? 1000;
    const report: ImportReport = {
      dryRun: !!opts.dryRun,
      rows: 0,
      created: 0,
      duplicates: 0,
      failed: 0,
      errors: [],
    };
    const counter = { bytes: 0 };
    // Errors of the rows read since the last batch was written: reported in line order with it.
    let pending: ImportRowError[] = [];
    const fail = (e: ImportRowError) => {
      report.failed++;
      pending.push(e);
    };
    const publishPending = () => {
      pending.sort((x, y) => x.line - y.line);
      for (const e of pending) if (report.errors.length < maxErrors) report.errors.push(e);
      pending = [];
    };
    const lines = decodeLines(source, counter);
    const rows = opts.format === 'csv' ? csvRows(lines) : jsonlRows(lines);

    let batch: PendingRow[] = [];
    let lastLine = 0;
    // Batches are written up to `parallel` at a time. A batch waits for every earlier batch that
    // holds one of its learners (so each chain keeps the file's order), and a batch registering
    // learners waits for all earlier ones; reports and progress are published in file order.
    const parallel = opts.dryRun || opts.allOrNothing ? 1 : Math.max(1, opts.parallel ?? 2);
    // A check remembers every record id of the file (about 70 bytes a row), to catch one id given
    // two contents batches apart; a plain write needs not: the append itself refuses the second.
    const seenInFile = opts.dryRun || opts.allOrNothing ? new Map<string, number>() : undefined;
    const inFlight: Promise<void>[] = [];
    const lastWrite = new Map<string, Promise<void>>();
    let published: Promise<void> = Promise.resolve();
    const flush = async () => {
      const rowsOf = batch;
      const errors = pending;
      batch = [];
      pending = [];
      const failRow = (row: PendingRow, err: DomainError) => {
        report.failed++;
        errors.push({
          line: row.line,
          sourceRecordId: row.sourceRecordId,
          code: err.code,
          message: err.message,
          field: fieldOf(err),
        });
      };
      const before = new Set<Promise<void>>();
      if (rowsOf.some((r) => r.register)) for (const p of inFlight) before.add(p);
      else
        for (const r of rowsOf) {
          const p = lastWrite.get(String(r.input.learnerId));
          if (p) before.add(p);
        }
      const write = (async () => {
        await Promise.all(before);
        let todo = rowsOf;
        if (todo.length > 0 && !opts.dryRun)
          todo = await this.#registerLearners(actor, institutionId, todo, failRow);
        if (todo.length === 0) return;
        const results = await this.ledger.recordBatch(
          actor,
          institutionId,
          todo.map((b) => b.input),
          // The check before an all-or-nothing import also looks for record ids used before.
          { dryRun: !!opts.dryRun, allOrNothing: !!opts.allOrNothing, seenInFile },
        );
        for (const r of results) {
          const row = todo[r.index]!;
          if (r.status === 'created') report.created++;
          else if (r.status === 'duplicate') report.duplicates++;
          else if (r.status === 'valid') report.valid = (report.valid ?? 0) + 1;
          else if (r.status === 'error') failRow(row, r.error);
        }
      })();
      for (const r of rowsOf) lastWrite.set(String(r.input.learnerId), write);
      published = published.then(async () => {
        await write;
        errors.sort((x, y) => x.line - y.line);
        for (const e of errors) if (report.errors.length < maxErrors) report.errors.push(e);
        opts.onProgress?.({ ...report, bytes: counter.bytes });
      });
      // Awaited below; marked handled so a failure before then is not an unhandled rejection.
      published.catch(() => {});
      inFlight.push(write);
      write.catch(() => {});
      if (inFlight.length >= parallel) await inFlight.shift();
      if (lastWrite.size > 100_000) lastWrite.clear();
    };
    const drain = async () => {
      await flush();
      await published;
      inFlight.length = 0;
      lastWrite.clear();
    };

    try {
      for await (const row of rows) {
        report.rows++;
        lastLine = Math.max(lastLine, row.line);
        let sourceRecordId: string | undefined;
        try {
          if (!row.raw) throw row.error ?? new InputValidationError('Unreadable row');
          sourceRecordId = str(row.raw['sourceRecordId']);
          const learner = await this.#learnerFor(actor, row.raw);
          batch.push({
            line: row.line,
            sourceRecordId,
            input: toInput(row.raw, learner.id),
            register: learner.register,
          });
        } catch (err) {
          if (!(err instanceof DomainError)) throw err;
          fail({
            line: row.line,
            sourceRecordId,
            code: err.code,
            message: err.message,
            field: fieldOf(err),
          });
        }
        if (batch.length >= batchSize) await flush();
      }
      await drain();
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      // A broken file (header, an overlong line): what came before it stays recorded.
      await drain();
      fail({ line: lastLine + 1, code: err.code, message: err.message, field: fieldOf(err) });
      publishPending();
    }
    return report;
  }

  /**
   * A row names its learner by id, or by national ID: a learner not known yet (the row gives a
   * name) is registered only once the row has proved valid, so a bad row writes nothing at all.
   */
  async #learnerFor(
    actor: Actor,
    raw: RawRow,
  ): Promise<{ id: string; register?: { nationalId: string; name: string } }> {
    const id = str(raw['learnerId']);
    if (id) return { id };
    const nationalId = str(raw['nationalId']);
    if (!nationalId)
      throw new InputValidationError('A row needs a learnerId or a nationalId', {
        field: 'learnerId',
      });
    const found = await this.learners.findByNationalId(actor, nationalId);
    if (found) return { id: found.id };
    const name = str(raw['learnerName']);
    if (!name) {
      throw new InputValidationError(
        'No learner has this national ID; add a learnerName to register them',
        {
          field: 'nationalId',
        },
      );
    }
    return { id: NEW_LEARNER_IN_DRY_RUN, register: { nationalId, name } };
  }

  /**
   * Registers the learners of the rows that need one, once each row is known to be valid (checked
   * as in a dry run); a row that is not, or whose learner cannot be registered, fails on its own.
   */
  async #registerLearners(
    actor: Actor,
    institutionId: string,
    rows: PendingRow[],
    fail: (row: PendingRow, err: DomainError) => void,
  ): Promise<PendingRow[]> {
    const newcomers = rows.filter((r) => r.register);
    if (newcomers.length === 0) return rows;
    const check = await this.ledger.recordBatch(
      actor,
      institutionId,
      newcomers.map((r) => r.input),
      { dryRun: true },
    );
    const failed = new Set<PendingRow>();
    for (const r of check) {
      const row = newcomers[r.index]!;
      try {
        if (r.status === 'error') throw r.error;
        row.input = {
          ...row.input,
          learnerId: (await this.learners.register(actor, row.register!)).learner.id,
        };
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        fail(row, err);
        failed.add(row);
      }
    }
    return rows.filter((r) => !failed.has(r));
  }
}

const fieldOf = (e: DomainError): string | undefined =>
  typeof e.details?.['field'] === 'string' ? e.details['field'] : undefined;
