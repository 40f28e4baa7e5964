'use client';

import { type RefObject, useEffect, useRef } from 'react';

/**
 * After each answer of the form's action, moves the focus to the first invalid input, or to the
 * form's alert when only the whole form has a message, so keyboard and screen reader users land
 * on what needs fixing instead of staying on the submit button. Not on the first render: a page
 * that opens with a notice (e.g. "your session has expired") leaves the focus where it was.
 */
export function useFocusFirstError(form: RefObject<HTMLFormElement | null>, state: object): void {
  const initial = useRef(state);
  useEffect(() => {
    const root = form.current;
    if (!root || state === initial.current) {
      return;
    }
    const target =
      root.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      root.querySelector<HTMLElement>('[role="alert"][data-has-message="true"]');
    target?.focus();
  }, [form, state]);
}
