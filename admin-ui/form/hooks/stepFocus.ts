// Where the keyboard focus goes as the form moves between steps and marks errors.
import { useEffect, useRef, type RefObject } from 'react';

interface StepFocus {
  /** The panel that holds the current step. */
  panel: RefObject<HTMLDivElement | null>;
  /** The next step change moves the focus: to `target` (a CSS selector in the panel) if given, else to the step's top. */
  willMove: (target?: string) => void;
  /** After the render that marks the fields, the first marked one gets the focus. */
  focusFirstError: () => void;
}

/** After a step change the new step gets the focus, so keyboard and screen-reader users start at its top. */
export function useStepFocus(step: number, result: unknown): StepFocus {
  const panel = useRef<HTMLDivElement>(null);
  const moved = useRef(false);
  /** Where the focus goes after the next step change instead of the step's top: the answer a Change link is for. */
  const focusTarget = useRef<string | null>(null);

  useEffect(() => {
    if (!moved.current) return;
    const target = focusTarget.current && panel.current?.querySelector<HTMLElement>(focusTarget.current);
    focusTarget.current = null;
    if (target) {
      target.focus();
      target.scrollIntoView?.({ block: 'center' });
      return;
    }
    panel.current?.focus({ preventScroll: true });
    panel.current?.scrollIntoView?.({ block: 'start' });
  }, [step, result]);

  return {
    panel,
    willMove: (target) => {
      moved.current = true;
      if (target !== undefined) focusTarget.current = target;
    },
    focusFirstError: () =>
      requestAnimationFrame(() =>
        panel.current
          ?.querySelector<HTMLElement>('[aria-invalid="true"], .has-error input, .owner-code.has-error button:not(:disabled)')
          ?.focus(),
      ),
  };
}
