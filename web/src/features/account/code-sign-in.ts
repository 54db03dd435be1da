// What the pages that sign in by a one-time code share (activation, staff activation, reset): the
// typed fields kept across a reload (never the password), the new password typed twice, the API's
// errors beside the field they name, and the session the answer opens.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignedInFragment } from '../../gql/graphql.ts';
import { useDraft } from '../../lib/draft.ts';
import { isResultError, type ResultErrorData } from '../../lib/graphql.ts';
import { useSession } from '../../lib/session.tsx';
import { sessionOf } from './documents.ts';
import { mismatch, type NewPassword } from './new-password-fields.tsx';

type Answer = ResultErrorData | (SignedInFragment & { __typename: 'LoginOk' });

/**
 * @param draftKey where the typed fields are kept for a reload.
 * @param initial the fields besides the password, empty.
 * @param send sends the fields and the new password; answers the mutation's result.
 */
export function useCodeSignIn<T extends Record<string, string>>(
  draftKey: string,
  initial: T,
  send: (fields: T, password: string) => Promise<Answer>,
) {
  const { t } = useTranslation();
  const { session, signIn } = useSession();
  const [draft, update, clear] = useDraft(draftKey, initial);
  const [secret, setSecret] = useState<NewPassword>({ password: '', confirm: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const fields = [...Object.keys(initial), 'password'];

  async function submit(e: FormEvent) {
    e.preventDefault();
    const differ = mismatch(secret, t);
    if (differ) {
      setErrors({ confirm: differ });
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      const r = await send(draft, secret.password);
      if (isResultError(r)) {
        const field = fields.find((f) => f === r.field) ?? 'form';
        setErrors({ [field]: r.message });
      } else {
        clear();
        signIn(sessionOf(r));
      }
    } catch {
      setErrors({ form: t('common.networkError') });
    } finally {
      setBusy(false);
    }
  }

  return { session, draft, update, secret, setSecret, errors, busy, submit };
}
