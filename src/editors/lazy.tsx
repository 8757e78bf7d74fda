/** The editors Grafana shows, each loaded on first display as its own chunk, so the plugin's initial bundle stays small. */
import React, { ComponentType, Suspense } from 'react';
import { LoadingPlaceholder } from '@grafana/ui';

/** A component that loads `load()` the first time it renders, with a loading line meanwhile. */
export function lazyEditor<P extends object>(name: string, load: () => Promise<ComponentType<P>>): ComponentType<P> {
  // React.lazy's own type loses the props' generic; the loaded component is exactly ComponentType<P>.
  const Loaded: ComponentType<P> = React.lazy(() =>
    load().then((component) => ({ default: component }))
  ) as unknown as ComponentType<P>;
  function LazyEditor(props: P) {
    return (
      <Suspense fallback={<LoadingPlaceholder text="Loading…" />}>
        <Loaded {...props} />
      </Suspense>
    );
  }
  LazyEditor.displayName = `Lazy(${name})`;
  return LazyEditor;
}

export const ConfigEditor = lazyEditor('ConfigEditor', () =>
  import(/* webpackChunkName: "config-editor" */ './ConfigEditor').then((m) => m.ConfigEditor)
);
export const QueryEditor = lazyEditor('QueryEditor', () =>
  import(/* webpackChunkName: "query-editor" */ './QueryEditor').then((m) => m.QueryEditor)
);
export const QueryHelp = lazyEditor('QueryHelp', () =>
  import(/* webpackChunkName: "query-editor" */ './QueryHelp').then((m) => m.QueryHelp)
);
export const VariableQueryEditor = lazyEditor('VariableQueryEditor', () =>
  import(/* webpackChunkName: "query-editor" */ './VariableQueryEditor').then((m) => m.VariableQueryEditor)
);
export const AnnotationsEditor = lazyEditor('AnnotationsEditor', () =>
  import(/* webpackChunkName: "query-editor" */ './AnnotationsEditor').then((m) => m.AnnotationsEditor)
);
