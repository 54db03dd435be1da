// "What if": courses the learner might still take, added to the audit in a few clicks.
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/base/button/button.tsx';
import { Card } from '../../components/base/card/card.tsx';
import { TextField } from '../../components/base/field/field.tsx';
import { Select } from '../../components/base/select/select.tsx';
import type { CreditSystem, HypotheticalCreditInput } from '../../gql/graphql.ts';
import { useDraft } from '../../lib/draft.ts';
import { useFormat } from '../../lib/format.ts';
import type { InstitutionInfo } from '../shared/institutions.ts';

export function WhatIf({
  institutions,
  creditSystem,
  defaultInstitution,
  added,
  onChange,
}: {
  institutions: InstitutionInfo[];
  creditSystem: CreditSystem;
  defaultInstitution: string;
  added: HypotheticalCreditInput[];
  onChange: (next: HypotheticalCreditInput[]) => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const [draft, update] = useDraft('what-if', {
    institutionId: '',
    credits: '3',
    category: 'major',
    level: '',
  });
  const credits = Number(draft.credits);
  const creditsError =
    draft.credits && !(credits > 0 && credits <= 60) ? t('programmes.creditsRange') : null;
  return (
    <Card title={t('programmes.whatIf')} headingLevel={3}>
      <p className="muted">{t('programmes.whatIfLead')}</p>
      <div className="filter-row">
        <Select
          label={t('record.institution')}
          value={draft.institutionId || defaultInstitution}
          onChange={(v) => update({ institutionId: v })}
          options={institutions.map((i) => ({ value: i.id, label: f.text(i.name) }))}
        />
        <TextField
          label={t('programmes.creditsLabel')}
          inputMode="decimal"
          value={draft.credits}
          onChange={(v) => update({ credits: v })}
          error={creditsError}
        />
        <TextField
          label={t('balances.category')}
          value={draft.category}
          onChange={(v) => update({ category: v })}
        />
        <TextField
          label={t('balances.level')}
          inputMode="numeric"
          value={draft.level}
          onChange={(v) => update({ level: v })}
        />
      </div>
      <p className="actions">
        <Button
          variant="secondary"
          disabled={!(credits > 0) || Boolean(creditsError) || !draft.category.trim()}
          onClick={() =>
            onChange([
              ...added,
              {
                institutionId: draft.institutionId || defaultInstitution,
                credits,
                creditSystem,
                category: draft.category.trim(),
                ...(draft.level ? { level: Number(draft.level) } : {}),
              },
            ])
          }
        >
          {t('programmes.addCourse')}
        </Button>
        {added.length > 0 && (
          <Button variant="quiet" onClick={() => onChange([])}>
            {t('programmes.clearWhatIf')}
          </Button>
        )}
      </p>
      {added.length > 0 && (
        <ul data-testid="what-if-list">
          {added.map((h, i) => (
            <li key={i}>
              {t('programmes.hypotheticalLine', {
                credits: f.num(h.credits),
                category: h.category,
                institution: f.text(institutions.find((x) => x.id === h.institutionId)?.name),
              })}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
