// Defining a programme version: its JSON, a live preview of the requirement tree in words, and the API's
// typed error beside the definition and on the requirement it names.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/base/alert/alert.tsx';
import { Button } from '../../components/base/button/button.tsx';
import { Card } from '../../components/base/card/card.tsx';
import { TextArea } from '../../components/base/field/field.tsx';
import { execute, isResultError } from '../../lib/graphql.ts';
import { useDraft } from '../../lib/draft.ts';
import { DefineProgrammeMutation } from './programme-documents.ts';
import { nodePathOf, RequirementTree } from './requirement-tree.tsx';

/** A stored definition as the start of the next version: the version number is the server's to give. */
export function nextDraftOf(definition: string): string {
  const p = JSON.parse(definition) as Record<string, unknown>;
  delete p['version'];
  return JSON.stringify(p, null, 2);
}

export function ProgrammeDefine({
  start,
  latestVersion,
  onDefined,
}: {
  /** The definition to start from (the selected programme's latest version), if any. */
  start: string | null;
  latestVersion: number | null;
  onDefined: (id: string, version: number) => void;
}) {
  const { t } = useTranslation();
  const [draft, update] = useDraft('console-programme', { definition: '' });
  const [error, setError] = useState<{ message: string; field: string | null } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  let parsed: { requirements?: unknown } | null = null;
  let parseError: string | null = null;
  if (draft.definition.trim()) {
    try {
      parsed = JSON.parse(draft.definition) as { requirements?: unknown };
    } catch (e) {
      parseError = t('console.programmes.notJson', { detail: (e as Error).message });
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setDone(null);
    if (parseError) return;
    setBusy(true);
    try {
      const { defineProgramme: r } = await execute(DefineProgrammeMutation, {
        definition: draft.definition,
      });
      if (isResultError(r)) setError({ message: r.message, field: r.field ?? null });
      else {
        setDone(
          latestVersion !== null && r.version <= latestVersion
            ? t('console.programmes.unchanged', { version: r.version })
            : t('console.programmes.defined', { id: r.id, version: r.version }),
        );
        onDefined(r.id, r.version);
      }
    } catch {
      setError({ message: t('common.networkError'), field: null });
    } finally {
      setBusy(false);
    }
  }

  // An error on a requirement is shown on that node in the preview; any other beside the definition.
  const onNode = error && nodePathOf(error.field) ? error : null;
  const fieldError = parseError ?? (error ? error.message : null);
  return (
    <Card title={t('console.programmes.defineTitle')}>
      <p>{t('console.programmes.defineLead')}</p>
      {done && <Alert tone="success" title={done} />}
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="grid-2">
          <div>
            <TextArea
              label={t('console.programmes.definition')}
              hint={t('console.programmes.definitionHint')}
              value={draft.definition}
              onChange={(v) => update({ definition: v })}
              error={fieldError}
              rows={22}
              name="definition"
              spellCheck={false}
              className="code"
            />
            <div className="actions">
              <Button type="submit" busy={busy} disabled={!draft.definition.trim()}>
                {t('console.programmes.define')}
              </Button>
              {start && (
                <Button
                  variant="secondary"
                  onClick={() => update({ definition: nextDraftOf(start) })}
                >
                  {t('console.programmes.startFrom', { version: latestVersion ?? '' })}
                </Button>
              )}
            </div>
          </div>
          <div>
            <h3>{t('console.programmes.preview')}</h3>
            {parsed && typeof parsed === 'object' ? (
              <RequirementTree
                root={parsed.requirements}
                error={onNode?.message ?? null}
                errorField={onNode?.field ?? null}
                label={t('console.programmes.preview')}
              />
            ) : (
              <p className="muted">{t('console.programmes.previewEmpty')}</p>
            )}
          </div>
        </div>
      </form>
    </Card>
  );
}
