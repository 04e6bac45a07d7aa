// A question put to the user from inside an operation: `ask(subject)` opens a dialog and resolves
// with the answer; `asked` is what the dialog shows (null when closed), `answer` closes it.
import { useCallback, useRef, useState } from "react";

export interface Question<T> {
  ask: (subject: T) => Promise<boolean>;
  asked: T | null;
  answer: (yes: boolean) => void;
}

export function useQuestion<T>(): Question<T> {
  const [asked, setAsked] = useState<T | null>(null);
  const pending = useRef<((yes: boolean) => void) | null>(null);
  const ask = useCallback(
    (subject: T) =>
      new Promise<boolean>((resolve) => {
        pending.current = resolve;
        setAsked(subject);
      }),
    [],
  );
  const answer = useCallback((yes: boolean) => {
    const resolve = pending.current;
    pending.current = null;
    setAsked(null);
    resolve?.(yes);
  }, []);
  return { ask, asked, answer };
}
