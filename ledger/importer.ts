// Bulk import from a student information system: CSV or JSON lines, streamed, validated row by row.
import { parse } from 'csv-parse';
import { Readable, pipeline } from 'node:stream';
import type { Actor } from './access.ts';
import { DomainError, InputValidationError, type ErrorCode } from './errors.ts';
import type { AchievementInput } from './achievement-input.ts';
import type { LearnerRegistry } from './learners.ts';
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
  rows: number;
  created: number;
  duplicates: number;
  failed: number;
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
}

type RawRow = Record<string, unknown>;
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

/** Decodes UTF-8 strictly (a broken encoding is an error, not mojibake) and counts bytes. */
async function* decodeUtf8(
  source: AsyncIterable<Buffer | string>,
  counter: { bytes: number },
): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  for await (const chunk of source) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    counter.bytes += buf.length;
    try {
      yield decoder.decode(buf, { stream: true });
    } catch {
      throw new InputValidationError(
        `The file is not valid UTF-8 (around byte ${counter.bytes}); save it as UTF-8 and import again`,
      );
    }
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}

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

async function* csvRows(text: AsyncIterable<string>): AsyncGenerator<ParsedRow> {
  let headerError: DomainError | undefined;
  const parser = parse({
    columns: (header: string[]) => {
      try {
        checkHeader(header);
      } catch (err) {
        headerError = err as DomainError;
      }
      return header;
    },
    bom: true,
    skip_empty_lines: true,
    trim: true,
    info: true,
    relax_quotes: false,
  });
  // pipeline (unlike pipe) passes a source error, such as a broken encoding, on to the parser.
  pipeline(Readable.from(text), parser, () => {});
  try {
    for await (const rec of parser as AsyncIterable<{ record: RawRow; info: { lines: number } }>) {
      if (headerError) break;
      yield { line: rec.info.lines, raw: rec.record };
    }
  } catch (err) {
    if (err instanceof DomainError) throw err;
    const e = err as { message?: string; lines?: number; code?: string };
    throw new InputValidationError(
      `CSV error${e.lines ? ` on line ${e.lines}` : ''}: ${e.message ?? String(err)}`,
    );
  }
  if (headerError) throw headerError;
}

async function* jsonlRows(text: AsyncIterable<string>): AsyncGenerator<ParsedRow> {
  let buffer = '';
  let line = 0;
  const one = (l: string): ParsedRow | null => {
    line++;
    const t = l.trim();
    if (!t) return null;
    try {
      const v: unknown = JSON.parse(t);
      if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error('not an object');
      return { line, raw: v as RawRow };
    } catch {
      return { line, raw: null, error: new InputValidationError('This line is not a JSON object') };
    }
  };
  for await (const chunk of text) {
    buffer += chunk;
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const row = one(buffer.slice(0, nl));
      buffer = buffer.slice(nl + 1);
      if (row) yield row;
    }
    if (buffer.length > 1_000_000)
      throw new InputValidationError(`Line ${line + 1} is longer than 1 MB`);
  }
  const last = one(buffer);
  if (last) yield last;
}

export class BulkImporter {
  constructor(
    private readonly ledger: LedgerService,
    private readonly learners: LearnerRegistry,
  ) {}

  /**
   * Streams rows into the ledger in batches. Every row is all-or-nothing and keyed by its
   * sourceRecordId, so an interrupted import can simply be run again.
   */
  async import(
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
    const fail = (e: ImportRowError) => {
      report.failed++;
      if (report.errors.length < maxErrors) report.errors.push(e);
    };
    const text = decodeUtf8(source, counter);
    const rows = opts.format === 'csv' ? csvRows(text) : jsonlRows(text);

    let batch: { line: number; sourceRecordId?: string | undefined; input: AchievementInput }[] =
      [];
    const flush = async () => {
      if (batch.length === 0) return;
      const results = await this.ledger.recordBatch(
        actor,
        institutionId,
        batch.map((b) => b.input),
        { dryRun: !!opts.dryRun },
      );
      for (const r of results) {
        const row = batch[r.index]!;
        if (r.status === 'created') report.created++;
        else if (r.status === 'duplicate') report.duplicates++;
        else if (r.status === 'error') {
          fail({
            line: row.line,
            sourceRecordId: row.sourceRecordId,
            code: r.error.code,
            message: r.error.message,
            field: fieldOf(r.error),
          });
        }
      }
      batch = [];
      opts.onProgress?.({ ...report, bytes: counter.bytes });
    };

    try {
      for await (const row of rows) {
        report.rows++;
        const sourceRecordId = row.raw ? str(row.raw['sourceRecordId']) : undefined;
        try {
          if (!row.raw) throw row.error ?? new InputValidationError('Unreadable row');
          const learnerId = await this.#learnerFor(actor, row.raw, !!opts.dryRun);
          batch.push({ line: row.line, sourceRecordId, input: toInput(row.raw, learnerId) });
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
      await flush();
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      // A broken file (encoding, header, CSV syntax): what came before it stays recorded.
      await flush();
      fail({ line: report.rows + 1, code: err.code, message: err.message, field: fieldOf(err) });
    }
    return report;
  }

  /** A row names its learner by id, or by national ID (registered on the fly when a name is given). */
  async #learnerFor(actor: Actor, raw: RawRow, dryRun: boolean): Promise<string> {
    const id = str(raw['learnerId']);
    if (id) return id;
    const nationalId = str(raw['nationalId']);
    if (!nationalId)
      throw new InputValidationError('A row needs a learnerId or a nationalId', {
        field: 'learnerId',
      });
    const found = await this.learners.findByNationalId(actor, nationalId);
    if (found) return found.id;
    const name = str(raw['learnerName']);
    if (!name) {
      throw new InputValidationError(
        'No learner has this national ID; add a learnerName to register them',
        {
          field: 'nationalId',
        },
      );
    }
    if (dryRun) return NEW_LEARNER_IN_DRY_RUN;
    return (await this.learners.register(actor, { nationalId, name })).learner.id;
  }
}

const fieldOf = (e: DomainError): string | undefined =>
  typeof e.details?.['field'] === 'string' ? e.details['field'] : undefined;
