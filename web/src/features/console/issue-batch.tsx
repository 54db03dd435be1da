// Issuing a class's credentials as a batch: every current result of one course (and term), found by the
// server (courseClass), sent in chunks through issueCredentials with a key per result, so a reload
// resumes and nothing is issued twice.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/base/alert/alert.tsx';
import { Button } from '../../components/base/button/button.tsx';
import { Card } from '../../components/base/card/card.tsx';
import { TextField } from '../../components/base/field/field.tsx';
import { ProgressBar } from '../../components/base/progress-bar/progress-bar.tsx';
import { Select } from '../../components/base/select/select.tsx';
import type { ConsoleCourseClassQuery } from '../../gql/graphql.ts';
import { execute } from '../../lib/graphql.ts';
import { useFormat } from '../../lib/format.ts';
import { useQuery } from '../../lib/use-query.ts';
import { CourseClassQuery, IssueCredentialsMutation } from './award-documents.ts';
import { CoursesQuery } from './documents.ts';
import { useInstitutionId } from './use-institution.ts';

/** One result of the class, and the credential a class issuance already gave it. */
interface Member {
  id: string;
  learnerId: string;
  sourceRecordId: string;
  credentialId: string | null;
}

/** How many credentials one request asks for: small enough that the bar moves, large enough to batch. */
export const CHUNK = 20;

interface Plan {
  label: string;
  inputs: { learnerId: string; entryId: string }[];
  /** How many inputs were sent and answered. */
  next: number;
  issued: number;
  existing: number;
  failed: number;
  errors: { recordId: string; message: string }[];
  recordIds: string[];
}

const storageKey = (institutionId: string) => `creditbank.console.batch.${institutionId}`;

function loadPlan(institutionId: string): Plan | null {
  try {
    const raw = localStorage.getItem(storageKey(institutionId));
    return raw ? (JSON.parse(raw) as Plan) : null;
  } catch {
    return null;
  }
}

export function IssueBatch() {
  const { t } = useTranslation();
  const f = useFormat();
  const institutionId = useInstitutionId();
  const courses = useQuery(CoursesQuery, { institutionId });
  const codes = useMemo(
    () =>
      [...new Map((courses.data?.courses ?? []).map((c) => [c.code, c])).values()].sort((a, b) =>
        a.code.localeCompare(b.code),
      ),
    [courses.data],
  );
  const [code, setCode] = useState('');
  const [term, setTerm] = useState('');
  const [found, setFound] = useState<Member[] | null>(null);
  const [plan, setPlan] = useState<Plan | null>(() => loadPlan(institutionId));
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const stop = useRef(false);

  useEffect(() => {
    if (!code && codes[0]) setCode(codes[0].code);
  }, [code, codes]);
  useEffect(
    () => () => {
      stop.current = true;
    },
    [],
  );

  const save = (p: Plan | null) => {
    if (p) localStorage.setItem(storageKey(institutionId), JSON.stringify(p));
    else localStorage.removeItem(storageKey(institutionId));
    setPlan(p);
  };

  async function findClass() {
    setBusy(true);
    setError(null);
    setFound(null);
    try {
      // The server finds the class (current results of the course and term), a page at a time.
      const all: Member[] = [];
      let after: string | null = null;
      for (;;) {
        const page: ConsoleCourseClassQuery = await execute(CourseClassQuery, {
          institutionId,
          courseCode: code,
          term: term.trim() || null,
          first: 200,
          after,
        });
        const r = page.courseClass;
        if (r.__typename !== 'CourseClassPage') {
          setError(r.message);
          return;
        }
        all.push(...r.items.map((m) => ({ ...m.entry, credentialId: m.credentialId ?? null })));
        if (!r.pageInfo.hasNextPage) break;
        after = r.pageInfo.endCursor ?? null;
      }
      setFound(all);
    } catch {
      setError(t('common.networkError'));
    } finally {
      setBusy(false);
    }
  }

  async function run(start: Plan) {
    setRunning(true);
    setError(null);
    stop.current = false;
    let p = start;
    try {
      while (p.next < p.inputs.length && !stop.current) {
        const chunk = p.inputs.slice(p.next, p.next + CHUNK);
        const { issueCredentials: r } = await execute(IssueCredentialsMutation, {
          institutionId,
          inputs: chunk.map((i) => ({
            learnerId: i.learnerId,
            kind: 'ACHIEVEMENT' as const,
            entryId: i.entryId,
            // The key is the result's: the same result is never issued twice, whoever sends it.
            requestKey: `class:${i.entryId}`,
          })),
        });
        if (r.__typename !== 'BatchIssueOk') {
          setError(r.message);
          break;
        }
        const errors = r.rows
          .filter((row) => row.error)
          .map((row) => ({
            recordId: p.recordIds[p.next + row.index] ?? String(p.next + row.index),
            message: row.error!.message,
          }));
        p = {
          ...p,
          next: p.next + chunk.length,
          issued: p.issued + r.issued,
          existing: p.existing + r.existing,
          failed: p.failed + r.failed,
          errors: [...p.errors, ...errors].slice(0, 100),
        };
        save(p);
      }
    } catch {
      setError(t('common.networkError'));
    } finally {
      setRunning(false);
    }
  }

  const toIssue = found?.filter((m) => !m.credentialId) ?? [];

  function start() {
    if (toIssue.length === 0) return;
    // Only the results without their credential yet; the keys make a repeat harmless anyway.
    const p: Plan = {
      label: `${code}${term.trim() ? ` · ${term.trim()}` : ''}`,
      inputs: toIssue.map((e) => ({ learnerId: e.learnerId, entryId: e.id })),
      recordIds: toIssue.map((e) => e.sourceRecordId),
      next: 0,
      issued: 0,
      existing: 0,
      failed: 0,
      errors: [],
    };
    save(p);
    setFound(null);
    void run(p);
  }

  const finished = plan !== null && plan.next >= plan.inputs.length;
  return (
    <Card title={t('console.awards.batchTitle')}>
      <p>{t('console.awards.batchLead')}</p>
      {error && <Alert tone="error" title={error} />}
      {plan ? (
        <div data-testid="batch">
          <ProgressBar
            label={t('console.awards.batchProgress', { label: plan.label })}
            value={plan.next}
            max={plan.inputs.length}
            met={finished}
            detail={t('console.awards.batchCounts', {
              done: f.num(plan.next),
              total: f.num(plan.inputs.length),
              issued: f.num(plan.issued),
              existing: f.num(plan.existing),
              failed: f.num(plan.failed),
            })}
          />
          {plan.errors.length > 0 && (
            <ul className="plain" aria-label={t('console.awards.batchErrors')}>
              {plan.errors.map((e, i) => (
                <li key={i} className="field-error">
                  {e.recordId}: {e.message}
                </li>
              ))}
            </ul>
          )}
          {!running && !finished && (
            <Alert tone="warning" title={t('console.awards.interrupted')}>
              <Button onClick={() => void run(plan)}>{t('console.awards.resume')}</Button>
            </Alert>
          )}
          {finished && (
            <>
              <Alert tone="success" title={t('console.awards.batchDone')} />
              <Button variant="secondary" onClick={() => save(null)}>
                {t('console.awards.anotherClass')}
              </Button>
            </>
          )}
        </div>
      ) : courses.data && codes.length === 0 ? (
        <p className="muted">{t('console.awards.noCourses')}</p>
      ) : (
        <>
          <div className="filter-row">
            <Select
              label={t('console.awards.course')}
              value={code}
              options={codes.map((c) => ({
                value: c.code,
                label: `${c.code} · ${f.text(c.title)}`,
              }))}
              onChange={(v) => {
                setCode(v);
                setFound(null);
              }}
              name="classCourse"
            />
            <TextField
              label={t('console.awards.term')}
              hint={t('console.awards.termHint')}
              value={term}
              onChange={(v) => {
                setTerm(v);
                setFound(null);
              }}
              name="classTerm"
            />
            <Button
              variant="secondary"
              busy={busy}
              disabled={!code}
              onClick={() => void findClass()}
            >
              {t('console.awards.findClass')}
            </Button>
          </div>
          {found &&
            (found.length === 0 ? (
              <p>{t('console.awards.noClass')}</p>
            ) : (
              <div className="actions">
                <p>
                  {t('console.awards.classFound', { count: found.length })}
                  {found.length > toIssue.length &&
                    ` ${t('console.awards.classIssued', { count: found.length - toIssue.length })}`}
                </p>
                {toIssue.length > 0 && (
                  <Button onClick={start}>
                    {t('console.awards.issueClass', { count: toIssue.length })}
                  </Button>
                )}
              </div>
            ))}
        </>
      )}
    </Card>
  );
}
