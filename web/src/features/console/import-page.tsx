// Import: upload a file (streamed to POST /imports), see the check, import with a live progress bar that survives a reload.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Alert } from '../../components/base/alert/alert.tsx';
import { Badge } from '../../components/base/badge/badge.tsx';
import { Button } from '../../components/base/button/button.tsx';
import { Card } from '../../components/base/card/card.tsx';
import { LoadError } from '../../components/base/loading/loading.tsx';
import { Page } from '../../components/base/page/page.tsx';
import { Select } from '../../components/base/select/select.tsx';
import type { ConsoleImportJobQuery, ImportJobFieldsFragment } from '../../gql/graphql.ts';
import { authHeaders, execute, isResultError, sessionRefused } from '../../lib/graphql.ts';
import { useFormat } from '../../lib/format.ts';
import { useQuery } from '../../lib/use-query.ts';
import { ImportFileMutation, ImportJobQuery, ImportJobsQuery } from './documents.ts';
import { useInstitutionId } from './use-institution.ts';

type JobWithErrors = Extract<ConsoleImportJobQuery['importJob'], { __typename: 'ImportJob' }>;
const RUNNING = new Set(['UPLOADING', 'CHECKING', 'WRITING']);
const storageKey = (institutionId: string) => `creditbank.importJob.${institutionId}`;

/** The job shown: the one in the address, else the last one this browser started here. */
function useJobId(institutionId: string): [string | null, (id: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const fromUrl = params.get('job');
  const id = fromUrl ?? localStorage.getItem(storageKey(institutionId));
  const set = useCallback(
    (next: string | null) => {
      if (next) localStorage.setItem(storageKey(institutionId), next);
      else localStorage.removeItem(storageKey(institutionId));
      setParams(next ? { job: next } : {}, { replace: true });
    },
    [institutionId, setParams],
  );
  return [id, set];
}

function Upload({ institutionId, onJob }: { institutionId: string; onJob: (id: string) => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<'csv' | 'jsonl'>('csv');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) return setError(t('console.imports.pickFile'));
    setBusy(true);
    setError(null);
    try {
      const q = new URLSearchParams({ institutionId, format, fileName: file.name });
      // The browser streams the file from disk as the request body.
      const res = await fetch(`/imports?${q}`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream', ...authHeaders() },
        body: file,
      });
      const body = (await res.json()) as { id?: string; detail?: string };
      if (res.status === 401) sessionRefused();
      if (res.ok && body.id) onJob(body.id);
      else setError(body.detail ?? `HTTP ${res.status}`);
    } catch {
      setError(t('common.networkError'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={t('console.imports.check')}>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <div className={error ? 'field field-invalid' : 'field'}>
          <label htmlFor="import-file">{t('console.imports.file')}</label>
          <input
            id="import-file"
            type="file"
            accept=".csv,.jsonl,.ndjson,.txt,text/csv,application/x-ndjson"
            aria-describedby={error ? 'import-file-error' : undefined}
            aria-invalid={error ? true : undefined}
            onChange={(e) => {
              const f = e.target.files?.[0] ?? null;
              setFile(f);
              if (f && /\.(jsonl|ndjson)$/i.test(f.name)) setFormat('jsonl');
              else if (f && /\.csv$/i.test(f.name)) setFormat('csv');
            }}
          />
          {error && (
            <p className="field-error" id="import-file-error" role="alert">
              {error}
            </p>
          )}
        </div>
        <Select
          label={t('console.imports.format')}
          value={format}
          options={[
            { value: 'csv', label: t('console.imports.csv') },
            { value: 'jsonl', label: t('console.imports.jsonl') },
          ]}
          onChange={(v) => setFormat(v as 'csv' | 'jsonl')}
        />
        <div className="actions">
          <Button type="submit" busy={busy}>
            {busy ? t('console.imports.uploading') : t('console.imports.check')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

function Errors({ job, phase }: { job: JobWithErrors; phase: 'check' | 'write' }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const progress = job[phase];
  if (!progress || progress.failed === 0) return null;
  async function download() {
    setBusy(true);
    try {
      const res = await fetch(`/imports/${job.id}/errors.csv?phase=${phase}`, {
        headers: authHeaders(),
      });
      if (res.status === 401) return sessionRefused();
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = `${job.fileName.replace(/\.[^.]*$/, '')}-${phase}-errors.csv`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <table className="table" data-testid={`import-errors-${phase}`}>
        <caption>{t('console.imports.errorsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t('console.imports.line')}
            </th>
            <th scope="col">{t('console.search.id')}</th>
            <th scope="col">{t('console.imports.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {job.errors.map((e) => (
            <tr key={e.seq}>
              <td className="num">{e.line}</td>
              <td>{e.sourceRecordId ?? ''}</td>
              <td>
                {e.field && <code>{e.field}</code>} {e.message}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {progress.failed > job.errors.length && (
        <p className="muted">
          {t('console.imports.moreErrors', { shown: job.errors.length, total: progress.failed })}
        </p>
      )}
      <Button variant="secondary" busy={busy} onClick={() => void download()}>
        {t('console.imports.download')}
      </Button>
    </>
  );
}

function JobView({ id, onNew }: { id: string; onNew: () => void }) {
  const { t } = useTranslation();
  const [job, setJob] = useState<JobWithErrors | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [decisionError, setDecisionError] = useState<string | null>(null);
  const [allOrNothing, setAllOrNothing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const phaseOf = (status: string | undefined) =>
      status === 'WRITING' || status === 'DONE' ? 'WRITE' : 'CHECK';
    // `current` is the phase asked for: the job's as last seen, then the one the server answers
    // with (the state captured here does not change while this effect runs).
    const load = async (current: 'WRITE' | 'CHECK' = phaseOf(job?.status)) => {
      try {
        const { importJob: r } = await execute(ImportJobQuery, { id, phase: current });
        if (!live) return;
        if (r.__typename === 'ResultError') return setError(new Error(r.message));
        // The errors shown are those of the phase the job is in (or ended in).
        const phase = phaseOf(r.status);
        if (phase !== current) return void load(phase);
        setJob(r);
        if (RUNNING.has(r.status)) timer = setTimeout(() => void load(phase), 600);
      } catch (e) {
        if (live) setError(e instanceof Error ? e : new Error(String(e)));
      }
    };
    void load();
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // `job` is read for the phase only: polling restarts on a new id or after an action.
  }, [id, tick]);

  async function importNow() {
    setBusy(true);
    setDecisionError(null);
    try {
      const { importFile: r } = await execute(ImportFileMutation, { jobId: id, allOrNothing });
      if (isResultError(r)) setDecisionError(r.message);
      else setTick((n) => n + 1);
    } catch {
      setDecisionError(t('common.networkError'));
    } finally {
      setBusy(false);
    }
  }

  if (error) return <LoadError error={error} />;
  if (!job) return null;
  const running = job.status === 'CHECKING' || job.status === 'WRITING';
  const current = job.status === 'WRITING' ? job.write : job.check;
  const percent = current && job.size > 0 ? Math.floor((current.bytes / job.size) * 100) : 0;
  return (
    <Card
      title={job.fileName}
      actions={
        <Badge
          tone={
            job.status === 'FAILED' || job.status === 'INTERRUPTED'
              ? 'bad'
              : running
                ? 'warn'
                : 'good'
          }
        >
          <span data-testid="import-status" data-status={job.status}>
            {t(`console.imports.status.${job.status}`)}
          </span>
        </Badge>
      }
    >
      {running && current && (
        <div className="import-progress">
          <label htmlFor="import-progress">
            {t(job.status === 'WRITING' ? 'console.imports.writing' : 'console.imports.checking')}
          </label>
          <progress id="import-progress" max={100} value={percent} data-testid="import-progress" />
          <p className="muted" aria-live="polite">
            {t('console.imports.progress', { rows: current.rows, percent })}
          </p>
        </div>
      )}
      {job.failure && <Alert tone="error" title={job.failure} />}
      {job.status === 'INTERRUPTED' && (
        <Alert tone="warning" title={t('console.imports.interrupted')}>
          <Button variant="secondary" busy={busy} onClick={() => void importNow()}>
            {t('console.imports.resume')}
          </Button>
        </Alert>
      )}
      {job.check?.finishedAt && (
        <section aria-labelledby="check-report">
          <h3 id="check-report">{t('console.imports.checkReport')}</h3>
          <p data-testid="check-summary">
            {t('console.imports.checkSummary', {
              rows: job.check.rows,
              valid: job.check.valid,
              failed: job.check.failed,
            })}
          </p>
          {job.status === 'CHECKED' && <Errors job={job} phase="check" />}
          {job.status === 'CHECKED' && job.check.valid > 0 && (
            <div className="form">
              <div className="choice">
                <input
                  id="all-or-nothing"
                  type="checkbox"
                  checked={allOrNothing}
                  onChange={(e) => setAllOrNothing(e.target.checked)}
                />
                <label htmlFor="all-or-nothing">{t('console.imports.allOrNothing')}</label>
              </div>
              {decisionError && (
                <p className="field-error" role="alert">
                  {decisionError}
                </p>
              )}
              <div className="actions">
                <Button busy={busy} onClick={() => void importNow()}>
                  {t('console.imports.importNow', { count: job.check.valid })}
                </Button>
              </div>
            </div>
          )}
        </section>
      )}
      {job.write?.finishedAt && (
        <section aria-labelledby="write-report">
          <h3 id="write-report">{t('console.imports.writeReport')}</h3>
          <p data-testid="write-summary">
            {t('console.imports.writeSummary', {
              rows: job.write.rows,
              created: job.write.created,
              duplicates: job.write.duplicates,
              failed: job.write.failed,
            })}
          </p>
          <Errors job={job} phase="write" />
        </section>
      )}
      {!running && (
        <div className="actions">
          <Button variant="quiet" onClick={onNew}>
            {t('console.imports.newFile')}
          </Button>
        </div>
      )}
    </Card>
  );
}

function Recent({
  institutionId,
  onOpen,
}: {
  institutionId: string;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const q = useQuery(ImportJobsQuery, { institutionId });
  const list = q.data?.importJobs;
  if (list?.__typename !== 'ImportJobList') return null;
  return (
    <Card title={t('console.imports.recent')}>
      {list.items.length === 0 ? (
        <p>{t('console.imports.noneYet')}</p>
      ) : (
        <ul className="plain">
          {list.items.map((j: ImportJobFieldsFragment) => (
            <li key={j.id}>
              <Button variant="quiet" onClick={() => onOpen(j.id)}>
                {j.fileName}
              </Button>{' '}
              · {f.dateTime(j.createdAt)} · {t(`console.imports.status.${j.status}`)}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

export default function ImportPage() {
  const { t } = useTranslation();
  const institutionId = useInstitutionId();
  const [jobId, setJobId] = useJobId(institutionId);
  return (
    <Page title={t('console.imports.title')} lead={t('console.imports.lead')}>
      <p>
        {t('console.imports.samples')}
        <a href="/examples/import/zju-grades.csv" download>
          {t('console.imports.sampleCsv')}
        </a>
        {' · '}
        <a href="/examples/import/zju-grades.jsonl" download>
          {t('console.imports.sampleJsonl')}
        </a>
      </p>
      {jobId ? (
        <JobView key={jobId} id={jobId} onNew={() => setJobId(null)} />
      ) : (
        <Upload institutionId={institutionId} onJob={setJobId} />
      )}
      {/* Read again when a file is uploaded or opened, so that it is in the list. */}
      <Recent key={jobId ?? ''} institutionId={institutionId} onOpen={setJobId} />
    </Page>
  );
}
