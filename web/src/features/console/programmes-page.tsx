// Programmes and rules: the institution's programme versions with their requirement trees, a new
// version, the learners close to completing, and its recognition rules version by version.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/base/badge/badge.tsx';
import { Button } from '../../components/base/button/button.tsx';
import { Card } from '../../components/base/card/card.tsx';
import { LoadError, Loading } from '../../components/base/loading/loading.tsx';
import { Page } from '../../components/base/page/page.tsx';
import { ProgressBar } from '../../components/base/progress-bar/progress-bar.tsx';
import { Select } from '../../components/base/select/select.tsx';
import { isResultError } from '../../lib/graphql.ts';
import { useFormat } from '../../lib/format.ts';
import { useQuery } from '../../lib/use-query.ts';
import { ProgrammeDefine } from './programme-define.tsx';
import {
  ConsoleProgrammesQuery,
  ConsoleProgrammeVersionsQuery,
  ConsoleRuleVersionsQuery,
  NearCompletionQuery,
} from './programme-documents.ts';
import { RequirementTree } from './requirement-tree.tsx';
import { useInstitutionId } from './use-institution.ts';

function NearCompletion({ programmeId, version }: { programmeId: string; version: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [minProgress, setMinProgress] = useState('0.5');
  const q = useQuery(NearCompletionQuery, {
    programmeId,
    version,
    minProgress: Number(minProgress),
  });
  const r = q.data?.programmeNearCompletion;
  return (
    <Card title={t('console.programmes.nearTitle')}>
      <p>{t('console.programmes.nearLead')}</p>
      <div className="filter-row">
        <Select
          label={t('console.programmes.minProgress')}
          value={minProgress}
          options={['0', '0.5', '0.75', '0.9'].map((v) => ({
            value: v,
            label: t('console.programmes.atLeast', { percent: Number(v) * 100 }),
          }))}
          onChange={setMinProgress}
          name="minProgress"
        />
      </div>
      {q.error && <LoadError error={q.error} />}
      {q.loading && <Loading />}
      {r && isResultError(r) && <LoadError error={new Error(r.message)} />}
      {r && !isResultError(r) && (
        <>
          <p className="muted">
            {t('console.programmes.audited', { count: r.audited, date: f.date(r.asOf) })}
            {r.notAudited > 0 && ` ${t('console.programmes.notAudited', { count: r.notAudited })}`}
          </p>
          {r.learners.length === 0 ? (
            <p>{t('console.programmes.nobodyNear')}</p>
          ) : (
            <ul className="plain near-list" data-testid="near-completion">
              {r.learners.map((l) => (
                <li key={l.learnerId}>
                  <ProgressBar
                    label={
                      <>
                        {l.name} <code>{l.learnerId.slice(0, 8)}</code>{' '}
                        {l.passed && <Badge tone="good">{t('console.programmes.passes')}</Badge>}{' '}
                        {l.applied && (
                          <Badge tone="neutral">{t('console.programmes.applied')}</Badge>
                        )}
                      </>
                    }
                    value={l.progress}
                    max={1}
                    met={l.passed}
                    detail={
                      <>
                        {t('console.programmes.progress', {
                          percent: Math.round(l.progress * 100),
                          met: l.met,
                          of: l.requirements,
                        })}
                        {l.missing.length > 0 &&
                          ` · ${t('console.programmes.missing')} ${l.missing.map((m) => f.text(m)).join('; ')}`}
                      </>
                    }
                  />
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </Card>
  );
}

function RuleVersions({ ruleId }: { ruleId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const q = useQuery(ConsoleRuleVersionsQuery, { ruleId });
  const r = q.data?.recognitionRuleVersions;
  if (q.error) return <LoadError error={q.error} />;
  if (!r) return <Loading />;
  if (r.__typename === 'ResultError') return <LoadError error={new Error(r.message)} />;
  return (
    <table className="table" data-testid="rule-versions">
      <caption>{t('console.programmes.ruleVersions', { id: ruleId })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('console.programmes.version')}</th>
          <th scope="col">{t('console.programmes.effective')}</th>
          <th scope="col">{t('console.programmes.published')}</th>
          <th scope="col">{t('console.programmes.definition')}</th>
        </tr>
      </thead>
      <tbody>
        {[...r.items].reverse().map((v) => (
          <tr key={v.version}>
            <td>v{v.version}</td>
            <td>
              {f.date(v.effectiveFrom)}
              {v.effectiveUntil && ` – ${f.date(v.effectiveUntil)}`}
            </td>
            <td>{f.dateTime(v.publishedAt)}</td>
            <td>
              <details>
                <summary>{t('console.programmes.showJson')}</summary>
                <pre className="code">{JSON.stringify(JSON.parse(v.definition), null, 2)}</pre>
              </details>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function ProgrammesPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const institutionId = useInstitutionId();
  const all = useQuery(ConsoleProgrammesQuery, { institutionId, publisher: institutionId });
  const programmes = all.data?.programmes ?? [];
  const rules = all.data?.recognitionRules ?? [];
  const [programmeId, setProgrammeId] = useState('');
  const [shownVersion, setShownVersion] = useState<number | null>(null);
  const [ruleId, setRuleId] = useState<string | null>(null);
  useEffect(() => {
    if (!programmeId && programmes[0]) setProgrammeId(programmes[0].id);
  }, [programmeId, programmes]);
  const versions = useQuery(
    ConsoleProgrammeVersionsQuery,
    { id: programmeId },
    { skip: !programmeId },
  );
  const list = versions.data?.programmeVersions;
  const items = list?.__typename === 'ProgrammeList' ? list.items : [];
  const latest = items.at(-1) ?? null;
  const shown = items.find((v) => v.version === shownVersion) ?? latest;

  return (
    <Page title={t('console.programmes.title')} lead={t('console.programmes.lead')}>
      {all.error && <LoadError error={all.error} />}
      {all.loading && !all.data && <Loading />}
      {all.data && programmes.length === 0 && <p>{t('console.programmes.none')}</p>}
      {programmes.length > 0 && (
        <Card title={t('console.programmes.versionsTitle')}>
          <div className="filter-row">
            <Select
              label={t('console.programmes.programme')}
              value={programmeId}
              options={programmes.map((p) => ({
                value: p.id,
                label: `${f.text(p.name)} (${p.id})`,
              }))}
              onChange={(v) => {
                setProgrammeId(v);
                setShownVersion(null);
              }}
              name="programme"
            />
          </div>
          {versions.error && <LoadError error={versions.error} />}
          {list && isResultError(list) && <LoadError error={new Error(list.message)} />}
          {items.length > 0 && (
            <table className="table" data-testid="programme-versions">
              <caption>{t('console.programmes.versionsCaption', { id: programmeId })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('console.programmes.version')}</th>
                  <th scope="col">{t('console.programmes.name')}</th>
                  <th scope="col">{t('console.programmes.qualification')}</th>
                  <th scope="col">{t('console.programmes.effective')}</th>
                  <th scope="col">{t('console.programmes.definedAt')}</th>
                  <th scope="col">{t('console.search.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {[...items].reverse().map((v) => (
                  <tr
                    key={v.version}
                    aria-current={v.version === shown?.version ? 'true' : undefined}
                  >
                    <td>v{v.version}</td>
                    <td>{f.text(v.name)}</td>
                    <td>
                      {t(`console.qualification.${v.qualificationType}`)} ·{' '}
                      {t('console.programmes.level', { level: v.level })} ·{' '}
                      {t(`creditSystem.${v.creditSystem}`)}
                    </td>
                    <td>{f.date(v.effectiveFrom)}</td>
                    <td>{f.dateTime(v.definedAt)}</td>
                    <td>
                      <Button
                        variant="quiet"
                        aria-label={t('console.programmes.showVersion', { version: v.version })}
                        onClick={() => setShownVersion(v.version)}
                      >
                        {t('console.programmes.show')}
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {shown && (
            <>
              <h3>{t('console.programmes.treeOf', { version: shown.version })}</h3>
              <RequirementTree
                root={(JSON.parse(shown.definition) as { requirements?: unknown }).requirements}
                label={t('console.programmes.treeOf', { version: shown.version })}
              />
            </>
          )}
        </Card>
      )}
      {latest && <NearCompletion programmeId={latest.id} version={latest.version} />}
      <ProgrammeDefine
        start={latest?.definition ?? null}
        latestVersion={latest?.version ?? null}
        onDefined={(id, version) => {
          all.reload();
          setProgrammeId(id);
          setShownVersion(version);
          versions.reload();
        }}
      />
      <Card title={t('console.programmes.rulesTitle')}>
        {rules.length === 0 ? (
          <p>{t('console.programmes.noRules')}</p>
        ) : (
          <table className="table" data-testid="rules">
            <caption>{t('console.programmes.rulesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('console.programmes.rule')}</th>
                <th scope="col">{t('console.programmes.kind')}</th>
                <th scope="col">{t('console.programmes.version')}</th>
                <th scope="col">{t('console.programmes.effective')}</th>
                <th scope="col">{t('console.search.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rules.map((r) => (
                <tr key={r.ruleId}>
                  <td>{r.ruleId}</td>
                  <td>
                    {t(`console.ruleKind.${r.kind}`, { defaultValue: r.kind })}
                    {r.automatic && (
                      <>
                        {' '}
                        <Badge tone="good">{t('console.programmes.automatic')}</Badge>
                      </>
                    )}
                  </td>
                  <td>v{r.version}</td>
                  <td>
                    {f.date(r.effectiveFrom)}
                    {r.effectiveUntil && ` – ${f.date(r.effectiveUntil)}`}
                  </td>
                  <td>
                    <Button
                      variant="quiet"
                      aria-label={t('console.programmes.ruleHistory', { id: r.ruleId })}
                      onClick={() => setRuleId(r.ruleId)}
                    >
                      {t('console.programmes.versionsOf')}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {ruleId && <RuleVersions ruleId={ruleId} />}
      </Card>
    </Page>
  );
}
