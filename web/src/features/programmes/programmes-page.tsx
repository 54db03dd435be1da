// Progress toward each programme: choose one, see its audit in plain words, try "what if", apply when it passes.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/base/alert/alert.tsx';
import { Badge } from '../../components/base/badge/badge.tsx';
import { Button } from '../../components/base/button/button.tsx';
import { Card } from '../../components/base/card/card.tsx';
import { LoadError, Loading } from '../../components/base/loading/loading.tsx';
import { Page } from '../../components/base/page/page.tsx';
import { Select } from '../../components/base/select/select.tsx';
import type { HypotheticalCreditInput } from '../../gql/graphql.ts';
import { execute, isResultError } from '../../lib/graphql.ts';
import { useFormat } from '../../lib/format.ts';
import { useSession } from '../../lib/session.tsx';
import { useQuery } from '../../lib/use-query.ts';
import { useInstitutions } from '../shared/institutions.ts';
import { useLearnerRecord, type LearnerRecord } from '../shared/learner-record.ts';
import { AuditView } from './audit-view.tsx';
import { ApplyForAwardMutation, ProgrammesQuery, WhatIfAuditQuery } from './documents.ts';
import { WhatIf } from './what-if.tsx';

/** The programme to open first: one applied for, else one in the credit system most of the record is in. */
function likelyProgramme(
  list: { id: string; creditSystem: string }[],
  record: LearnerRecord | undefined,
  applications: { programmeId: string }[],
): string | undefined {
  const applied = applications.find((a) => list.some((p) => p.id === a.programmeId));
  if (applied) return applied.programmeId;
  const bySystem = new Map<string, number>();
  for (const v of record?.views.values() ?? []) {
    if (v.voidedBy || !v.current) continue;
    bySystem.set(
      v.current.creditSystem,
      (bySystem.get(v.current.creditSystem) ?? 0) + v.current.credits,
    );
  }
  const top = [...bySystem].sort((a, b) => b[1] - a[1])[0]?.[0];
  return (list.find((p) => p.creditSystem === top) ?? list[0])?.id;
}

export default function ProgrammesPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const learnerId = useSession().session!.learnerId!;
  const programmes = useQuery(ProgrammesQuery, { learnerId });
  const institutions = useInstitutions();
  const { record } = useLearnerRecord(learnerId);
  const [chosen, setChosen] = useState('');
  const [hypothetical, setHypothetical] = useState<HypotheticalCreditInput[]>([]);
  const [applying, setApplying] = useState(false);
  const [applyError, setApplyError] = useState<string | null>(null);
  const list = programmes.data?.programmes ?? [];
  const apps = programmes.data?.awardApplications;
  const applications = apps?.__typename === 'AwardApplicationList' ? apps.items : [];
  const programmeId = chosen || likelyProgramme(list, record, applications) || '';
  const programme = list.find((p) => p.id === programmeId);
  const audit = useQuery(
    WhatIfAuditQuery,
    { learnerId, programmeId, hypothetical: hypothetical.length ? hypothetical : null },
    { skip: !programmeId },
  );
  const result = audit.data?.whatIfAudit;
  const applied = applications.find((a) => a.programmeId === programmeId);

  async function apply() {
    setApplying(true);
    setApplyError(null);
    try {
      const { applyForAward: r } = await execute(ApplyForAwardMutation, {
        programmeId,
        version: programme?.version ?? null,
      });
      if (isResultError(r)) setApplyError(r.message);
      else programmes.reload();
    } catch {
      setApplyError(t('common.networkError'));
    } finally {
      setApplying(false);
    }
  }

  return (
    <Page title={t('programmes.title')} lead={t('programmes.lead')}>
      {programmes.error && <LoadError error={programmes.error} />}
      {programmes.loading && !programmes.data && <Loading />}
      {applications.length > 0 && (
        <Card title={t('programmes.applications')}>
          <ul data-testid="applications">
            {applications.map((a) => {
              const p = list.find((x) => x.id === a.programmeId);
              return (
                <li key={a.id}>
                  <strong>{f.text(p?.name) || a.programmeId}</strong>{' '}
                  <Badge tone={a.status === 'AWARDED' ? 'good' : 'warn'}>
                    {t(`programmes.status.${a.status}`)}
                  </Badge>{' '}
                  {a.status === 'AWARDED'
                    ? t('programmes.awardedOn', { date: f.date(a.confirmedAt) })
                    : t('programmes.appliedOn', { date: f.date(a.appliedAt) })}
                </li>
              );
            })}
          </ul>
        </Card>
      )}
      {list.length > 0 && (
        <Card>
          <Select
            label={t('programmes.choose')}
            value={programmeId}
            onChange={(v) => {
              setChosen(v);
              setHypothetical([]);
            }}
            options={list.map((p) => ({
              value: p.id,
              label: `${f.text(p.name)} · ${f.text(institutions.byId.get(p.institutionId)?.name) || p.institutionId}`,
            }))}
          />
        </Card>
      )}
      {audit.error && <LoadError error={audit.error} />}
      {audit.loading && <Loading />}
      {result && isResultError(result) && <Alert tone="error" title={result.message} />}
      {result?.__typename === 'DegreeAudit' && (
        <>
          {result.passed && hypothetical.length === 0 && (
            <Card title={t('programmes.applyTitle')}>
              {applied ? (
                <p>{t('programmes.alreadyApplied')}</p>
              ) : (
                <>
                  <p>{t('programmes.applyLead')}</p>
                  <Button busy={applying} onClick={() => void apply()}>
                    {t('programmes.apply')}
                  </Button>
                </>
              )}
              {applyError && <Alert tone="error" title={applyError} />}
            </Card>
          )}
          <AuditView audit={result} record={record} />
          {programme && (
            <WhatIf
              institutions={institutions.list}
              creditSystem={programme.creditSystem}
              defaultInstitution={programme.institutionId}
              added={hypothetical}
              onChange={setHypothetical}
            />
          )}
        </>
      )}
    </Page>
  );
}
