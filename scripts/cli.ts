// The command line: first operator, bulk import, chain verification, account rebuild.
import { createReadStream } from 'node:fs';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { ConfigError, loadConfig } from '../api/config.ts';
import { createLogger } from '../api/logger.ts';
import { openDatabase } from '../api/runtime.ts';
import { createServices, type Services } from '../api/services.ts';
import { SYSTEM } from '../domain/identity/index.ts';
import { DomainError } from '../domain/shared/index.ts';
import { EmbeddedDbUnavailable } from '../embedded-db/launcher.ts';
import type { IssueRequest, IssueWhat } from '../domain/issuance/index.ts';
import { access, readFile, stat } from 'node:fs/promises';
import { constants } from 'node:fs';
import { VERIFY_USAGE, verifyCheckpointFiles } from './verify-checkpoint.ts';

const USAGE = `usage: npm run cli -- <command> [options]
  create-operator --email E --name N --password P   create an operator account
  import --institution SLUG --file F [--format csv|jsonl] [--dry-run] [--all-or-nothing] [--batch N]
                                                     record a CSV or JSON lines file; --all-or-nothing
                                                     checks every row first and writes nothing if one is bad
  issue-batch --institution SLUG --file F.jsonl --batch-id ID [--format eddsa-rdfc-2022|ecdsa-rdfc-2019|ecdsa-sd-2023|vc+jwt]
                                                     issue a class's credentials (one JSON object a line)
  verify-chain [--learner ID]                        recompute every hash and check the latest checkpoint
                                                     (all learners when omitted)
  rebuild-accounts [--learner ID]                    rebuild credit accounts from the ledger alone; stops
                                                     at the first broken chain and names it
  publish-checkpoint [--full]                        sign a checkpoint of every chain head that moved
                                                     (--full: look at every learner)
  verify-checkpoint --key K [--note F] [--inclusion F [--chain F]] [--consistency F]
                                                     check checkpoints and proofs offline (no database)`;

async function withServices<T>(fn: (s: Services) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const log = createLogger(process.env['LOG_LEVEL'] ?? 'warn');
  const database = await openDatabase(config, log);
  try {
    return await fn(createServices(database.db, config));
  } finally {
    await database.close();
  }
}

/** One line of an issue-batch file: { learnerId, kind, entryId | entryIds | qualification, requestKey?, format? }. */
function batchLine(
  o: unknown,
  institutionId: string,
  batchId: string,
  line: number,
  format?: string,
): IssueRequest {
  if (!o || typeof o !== 'object' || Array.isArray(o)) throw new Error('not a JSON object');
  const r = o as Record<string, unknown>;
  if (typeof r['learnerId'] !== 'string') throw new Error('learnerId is required');
  const kind = typeof r['kind'] === 'string' ? r['kind'].toLowerCase() : '';
  const what: IssueWhat =
    kind === 'achievement'
      ? { kind, entryId: typeof r['entryId'] === 'string' ? r['entryId'] : '' }
      : kind === 'transcript'
        ? { kind, entryIds: Array.isArray(r['entryIds']) ? r['entryIds'].map(String) : null }
        : kind === 'qualification'
          ? {
              kind,
              ...(r['qualification'] as {
                qualificationType: string;
                name: { zh?: string; en?: string };
              }),
            }
          : (() => {
              throw new Error('kind is achievement, transcript or qualification');
            })();
  return {
    institutionId,
    learnerId: r['learnerId'],
    what,
    format: typeof r['format'] === 'string' ? r['format'] : (format ?? null),
    requestKey: `${batchId}:${typeof r['requestKey'] === 'string' ? r['requestKey'] : `line-${line}`}`,
  };
}

/** The size of a file we can read, or one line saying why we cannot. */
async function readableFileSize(file: string): Promise<number | string> {
  try {
    const st = await stat(file);
    if (!st.isFile()) return `${file} is not a file`;
    await access(file, constants.R_OK);
    return st.size;
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ENOENT') return `No such file: ${file}`;
    if (code === 'EACCES') return `Cannot read ${file}: permission denied`;
    return `Cannot read ${file}: ${(err as Error).message}`;
  }
}

async function learnerIds(s: Services, one: string | undefined): Promise<string[]> {
  if (one) return [one];
  return s.repos.learners.listIds();
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'verify-checkpoint') {
    const { code, findings } = verifyCheckpointFiles(rest);
    if (code === 2) console.error(findings[0]?.message ?? VERIFY_USAGE);
    else
      for (const f of findings)
        (f.ok ? console.log : console.error)(`${f.ok ? 'OK  ' : 'FAIL'} ${f.message}`);
    return code;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
      institution: { type: 'string' },
      file: { type: 'string' },
      format: { type: 'string' },
      'dry-run': { type: 'boolean' },
      'all-or-nothing': { type: 'boolean' },
      batch: { type: 'string' },
      learner: { type: 'string' },
      quiet: { type: 'boolean' },
      'batch-id': { type: 'string' },
      full: { type: 'boolean' },
    },
  });
  switch (command) {
    case 'create-operator':
      return withServices(async (s) => {
        const u = await s.accounts.createOperator(SYSTEM, {
          email: values.email ?? '',
          name: values.name ?? 'Operator',
          password: values.password ?? '',
        });
        console.log(`operator ${u.email} created (id ${u.id}); sign in with the login mutation`);
        return 0;
      });
    case 'import': {
      if (!values.institution || !values.file) {
        console.error(USAGE);
        return 2;
      }
      const file = values.file;
      const format = (values.format ?? (file.endsWith('.csv') ? 'csv' : 'jsonl')) as
        'csv' | 'jsonl';
      if (format !== 'csv' && format !== 'jsonl') {
        console.error('--format is csv or jsonl');
        return 2;
      }
      const batchSize = values.batch ? Number(values.batch) : 1000;
      if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 5000) {
        console.error('--batch is a whole number from 1 to 5000');
        return 2;
      }
      // Before the database starts: a wrong path is a one-line answer, not a stack trace.
      const size = await readableFileSize(file);
      if (typeof size === 'string') {
        console.error(size);
        return 2;
      }
      return withServices(async (s) => {
        const inst = await s.institutions.findBySlug(values.institution!);
        if (!inst) {
          console.error(`No institution with the slug "${values.institution}"`);
          return 2;
        }
        const bar = values.quiet
          ? null
          : new cliProgress.SingleBar(
              {
                format:
                  'import [{bar}] {percentage}% | {rows} rows | {created} new, {duplicates} again, {failed} failed',
              },
              cliProgress.Presets.shades_classic,
            );
        bar?.start(size, 0, { rows: 0, created: 0, duplicates: 0, failed: 0 });
        const report = await s.importer.import(SYSTEM, inst.id, () => createReadStream(file), {
          format,
          dryRun: !!values['dry-run'],
          allOrNothing: !!values['all-or-nothing'],
          batchSize,
          onProgress: (p) => bar?.update(p.bytes, p),
        });
        bar?.update(size, report);
        bar?.stop();
        console.log(JSON.stringify({ ...report, errors: report.errors.slice(0, 50) }, null, 2));
        if (report.errors.length > 50)
          console.log(`… and ${report.errors.length - 50} more row errors`);
        return report.failed > 0 ? 1 : 0;
      });
    }
    case 'issue-batch': {
      if (!values.institution || !values.file || !values['batch-id']) {
        console.error(USAGE);
        return 2;
      }
      return withServices(async (s) => {
        const inst = await s.institutions.findBySlug(values.institution!);
        if (!inst) {
          console.error(`No institution with the slug "${values.institution}"`);
          return 2;
        }
        const size = await readableFileSize(values.file!);
        if (typeof size === 'string') {
          console.error(size);
          return 2;
        }
        const lines = (await readFile(values.file!, 'utf8')).split('\n').filter((l) => l.trim());
        const requests: IssueRequest[] = [];
        const bad: string[] = [];
        lines.forEach((line, i) => {
          try {
            requests.push(
              batchLine(JSON.parse(line), inst.id, values['batch-id']!, i + 1, values.format),
            );
          } catch (err) {
            bad.push(`line ${i + 1}: ${err instanceof Error ? err.message : String(err)}`);
          }
        });
        if (bad.length) {
          console.error(
            `Nothing issued; fix these lines first:\n  ${bad.slice(0, 20).join('\n  ')}`,
          );
          return 2;
        }
        const bar = values.quiet
          ? null
          : new cliProgress.SingleBar(
              { format: 'issue [{bar}] {value}/{total} credentials' },
              cliProgress.Presets.shades_classic,
            );
        bar?.start(requests.length, 0);
        const counts = { issued: 0, existing: 0, failed: 0 };
        const failures: string[] = [];
        // Chunks keep memory flat and make progress durable: a re-run skips what is issued.
        for (let i = 0; i < requests.length; i += 200) {
          const chunk = requests.slice(i, i + 200);
          const rows = await s.credentials.issueMany(SYSTEM, chunk, (done) =>
            bar?.update(i + Math.min(done, chunk.length)),
          );
          rows.forEach((r, k) => {
            if ('error' in r) {
              counts.failed++;
              failures.push(`line ${i + k + 1}: ${r.error.code} ${r.error.message}`);
            } else if (r.created) counts.issued++;
            else counts.existing++;
          });
        }
        bar?.stop();
        console.log(JSON.stringify({ ...counts, failures: failures.slice(0, 50) }, null, 2));
        return counts.failed ? 1 : 0;
      });
    }
    case 'verify-chain':
      return withServices(async (s) => {
        let broken = 0;
        for (const id of await learnerIds(s, values.learner)) {
          const r = await s.ledger.verify(SYSTEM, id);
          if (!r.valid) {
            broken++;
            console.log(
              `learner ${id}: BROKEN at seq ${r.firstBroken?.seq}, entry ${r.firstBroken?.entryId} (${r.firstBroken?.reason})`,
            );
          } else if (values.learner)
            console.log(
              `learner ${id}: valid, ${r.entries} entries, head ${r.headHash}` +
                (r.checkpoint ? `, holds the head checkpoint ${r.checkpoint} published` : ''),
            );
        }
        if (!values.learner)
          console.log(broken ? `${broken} broken chain(s)` : 'every chain is valid');
        return broken ? 1 : 0;
      });
    case 'rebuild-accounts':
      return withServices(async (s) => {
        const ids = await learnerIds(s, values.learner);
        let done = 0;
        for (const id of ids) {
          // A broken chain is an IntegrityError naming the learner and entry: nothing more is folded.
          await s.ledger.rebuildAccount(SYSTEM, id);
          done++;
        }
        console.log(`rebuilt ${done} credit account(s) from the ledger`);
        return 0;
      });
    case 'publish-checkpoint':
      return withServices(async (s) => {
        const r = await s.checkpoints.publish(SYSTEM, { full: !!values.full });
        for (const c of r.published)
          console.log(`published checkpoint ${c.number}: ${c.size} leaves, root ${c.rootHash}`);
        if (!r.published.length)
          console.log(
            r.latest
              ? `no chain head moved: checkpoint ${r.latest.number} stands`
              : 'no chain to publish yet',
          );
        for (const x of r.refused)
          console.log(
            `learner ${x.learnerId}: BROKEN at seq ${x.seq}, entry ${x.entryId} (${x.reason}): head not published`,
          );
        return r.refused.length ? 1 : 0;
      });
    default:
      console.error(USAGE);
      return command ? 2 : 0;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (
      err instanceof DomainError ||
      err instanceof ConfigError ||
      err instanceof EmbeddedDbUnavailable
    ) {
      console.error(err.message);
      process.exit(2);
    }
    // Never a stack trace: one line saying what failed (LOG_LEVEL=debug shows the stack).
    const message = err instanceof Error ? err.message : String(err);
    console.error(`error: ${message.split('\n')[0]}`);
    if (process.env['LOG_LEVEL'] === 'debug') console.error(err);
    process.exit(1);
  },
);
