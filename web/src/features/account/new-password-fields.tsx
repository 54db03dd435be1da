// A new password typed twice, as activation and reset ask for it; the page checks that they match.
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/base/field/field.tsx';

export interface NewPassword {
  password: string;
  confirm: string;
}

/** The message for a pair that differs, or null when the two are the same. */
export function mismatch(
  value: NewPassword,
  t: (key: 'portal.activate.mismatch') => string,
): string | null {
  return value.password === value.confirm ? null : t('portal.activate.mismatch');
}

export function NewPasswordFields({
  label,
  value,
  onChange,
  errors,
}: {
  label: string;
  value: NewPassword;
  onChange: (value: NewPassword) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        label={label}
        hint={t('portal.activate.passwordHint')}
        type="password"
        name="password"
        autoComplete="new-password"
        required
        value={value.password}
        onChange={(password) => onChange({ ...value, password })}
        error={errors['password']}
      />
      <TextField
        label={t('portal.activate.confirm')}
        type="password"
        name="confirm"
        autoComplete="new-password"
        required
        value={value.confirm}
        onChange={(confirm) => onChange({ ...value, confirm })}
        error={errors['confirm']}
      />
    </>
  );
}
