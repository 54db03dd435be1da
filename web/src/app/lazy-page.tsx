// A page whose code loads when first visited, shown without a Suspense fallback: React holds back
// the content of a boundary that showed its fallback for 300 ms, longer than a chunk takes to load.
import { createElement, useEffect, useState, type ComponentType } from 'react';
import { LoadError, Loading } from '../components/base/loading/loading.tsx';

/**
 * Like React's `lazy`, but the page says it is loading (or that its code failed to load, and a
 * later visit tries again) itself, so it appears as soon as its chunk has arrived.
 * @param load imports the page's module (its default export is the page).
 * @returns a component that renders the page once loaded.
 */
export function lazyPage(load: () => Promise<{ default: ComponentType }>): ComponentType {
  let loaded: ComponentType | undefined;
  let pending: Promise<ComponentType> | undefined;
  const start = () =>
    (pending ??= load().then(
      (m) => (loaded = m.default),
      (err: unknown) => {
        pending = undefined;
        throw err;
      },
    ));
  function LazyPage() {
    const [, setLoaded] = useState<ComponentType>();
    const [error, setError] = useState<Error>();
    useEffect(() => {
      if (loaded) return;
      let live = true;
      start().then(
        (page) => live && setLoaded(() => page),
        (err: unknown) => live && setError(err instanceof Error ? err : new Error(String(err))),
      );
      return () => {
        live = false;
      };
    }, []);
    if (loaded) return createElement(loaded);
    if (error) {
      return (
        <div className="page">
          <LoadError error={error} />
        </div>
      );
    }
    return <Loading />;
  }
  return LazyPage;
}
