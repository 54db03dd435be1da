// Form drafts kept in sessionStorage, so that a session expiring mid-form loses nothing typed.
import { useCallback, useEffect, useState } from 'react';

const PREFIX = 'creditbank.draft.';

export function useDraft<T extends Record<string, unknown>>(
  key: string,
  initial: T,
): [T, (patch: Partial<T>) => void, () => void] {
  const [value, setValue] = useState<T>(() => {
    try {
      const raw = sessionStorage.getItem(PREFIX + key);
      return raw ? { ...initial, ...(JSON.parse(raw) as Partial<T>) } : initial;
    } catch {
      return initial;
    }
  });
  useEffect(() => {
    sessionStorage.setItem(PREFIX + key, JSON.stringify(value));
  }, [key, value]);
  const update = useCallback((patch: Partial<T>) => setValue((v) => ({ ...v, ...patch })), []);
  const clear = useCallback(() => {
    sessionStorage.removeItem(PREFIX + key);
    setValue(initial);
  }, [key, initial]);
  return [value, update, clear];
}
