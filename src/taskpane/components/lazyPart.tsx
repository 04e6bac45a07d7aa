// A part of the pane that its first screen does not need (a dialog, the findings list, a form),
// kept in a chunk of its own: the component file exports a wrapper made here, so its users stay
// as they are. The entry warms every part up once the first screen is drawn (preloadLazyParts,
// when the browser is idle); a part drawn before its chunk is there draws nothing until it is
// (and React may hold it back up to 0.5 s more, its throttle after a suspension), and one drawn
// after is drawn at once. A chunk that cannot load says so in words where the part would be.
import { Component, Suspense, lazy, type ComponentType, type ContextType, type ReactNode } from "react";
import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { errorText } from "../guard";
import { I18nContext } from "../i18n";

class LoadFailed extends Component<{ children: ReactNode }, { error: unknown }> {
  static override contextType = I18nContext;
  declare context: ContextType<typeof I18nContext>;
  override state = { error: null as unknown };
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  override render() {
    if (this.state.error === null) return this.props.children;
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>{this.context.strings.failed(errorText(this.state.error))}</MessageBarBody>
      </MessageBar>
    );
  }
}

const loaders: (() => Promise<unknown>)[] = [];

/** Loads every part's chunk (each once); rejects if one cannot be loaded (that part says so when drawn). */
export const preloadLazyParts = (): Promise<void> => Promise.all(loaders.map((load) => load())).then(() => undefined);

/** `load` gives the component (from a dynamic import); the wrapper has the same props. */
export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const get = (): Promise<ComponentType<P>> =>
    (loading ??= load().then(
      (c) => (loaded = c),
      (e: unknown) => {
        loading = undefined; // a later try loads it again
        throw e;
      },
    ));
  loaders.push(get);
  // A part already loaded is handed over synchronously (React.lazy accepts any thenable), so it
  // is drawn in the same render: no empty frame, and nothing for tests to wait for.
  const Part = lazy(() =>
    loaded
      ? ({ then: (resolve: (m: { default: ComponentType<P> }) => void) => resolve({ default: loaded! }) } as unknown as Promise<{ default: ComponentType<P> }>)
      : get().then((c) => ({ default: c })),
  ) as unknown as ComponentType<P>;
  function LazyPart(props: P) {
    return (
      <LoadFailed>
        <Suspense fallback={null}>
          <Part {...props} />
        </Suspense>
      </LoadFailed>
    );
  }
  return LazyPart;
}
