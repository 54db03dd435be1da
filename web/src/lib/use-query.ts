// Loads a typed GraphQL query when its variables change; exposes data, error and a reload.
import { useCallback, useEffect, useState } from 'react';
import type { TypedDocumentString } from '../gql/graphql.ts';
import { execute, SessionExpired } from './graphql.ts';

export interface QueryState<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  reload: () => void;
}

export function useQuery<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  opts: { skip?: boolean } = {},
): QueryState<TResult> {
  const [state, setState] = useState<{ data?: TResult; error?: Error; loading: boolean }>({
    loading: !opts.skip,
  });
  const [tick, setTick] = useState(0);
  const key = JSON.stringify(variables);
  useEffect(() => {
    if (opts.skip) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    const run = execute as (d: unknown, v: unknown) => Promise<TResult>;
    run(document, JSON.parse(key)).then(
      (data) => live && setState({ data, loading: false }),
      (error: unknown) => {
        if (!live || error instanceof SessionExpired) return;
        setState({
          error: error instanceof Error ? error : new Error(String(error)),
          loading: false,
        });
      },
    );
    return () => {
      live = false;
    };
  }, [document, key, tick, opts.skip]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
