// Two checks of issue 9's quality bar that axe does not make, run in a playwright-core page:
// the page does not scroll sideways on a phone, and every control is reached by Tab with a
// visible focus ring. Both return what they found in words, for the failure message.
import type { Page } from 'playwright-core';

export interface Overflow {
  scrollWidth: number;
  innerWidth: number;
  /** The outermost elements reaching past the right edge without a scroll box of their own. */
  culprits: string[];
}

/** The page's own horizontal overflow (tables may scroll inside their own region). */
export function pageOverflow(page: Page): Promise<Overflow> {
  return page.evaluate(() => {
    const describe = (el: Element) => {
      const id = el.id ? `#${el.id}` : '';
      const testId = el.getAttribute('data-testid');
      const classes = [...el.classList]
        .slice(0, 2)
        .map((c) => `.${c}`)
        .join('');
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      const right = Math.round(el.getBoundingClientRect().right);
      return `${el.tagName.toLowerCase()}${id}${classes}${testId ? `[data-testid=${testId}]` : ''} (right ${right}px) “${text}”`;
    };
    const width = window.innerWidth;
    const clips = (style: CSSStyleDeclaration) => /(auto|scroll|hidden|clip)/.test(style.overflowX);
    // Clipped by a scroll box or hidden overflow on the way up, minding that an absolutely
    // positioned box escapes every box up to its positioned containing block.
    const clipped = (el: Element): boolean => {
      const own = getComputedStyle(el).position;
      if (own === 'fixed') {
        return true;
      }
      let escaping = own === 'absolute';
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
        const style = getComputedStyle(up);
        const positioned = style.position !== 'static';
        if ((!escaping || positioned) && clips(style)) {
          return true;
        }
        escaping = style.position === 'absolute' || style.position === 'fixed' || (escaping && !positioned);
      }
      return false;
    };
    const wide = [...document.body.querySelectorAll('*')].filter(
      (el) => el.getBoundingClientRect().right > width + 1 && !clipped(el),
    );
    const outermost = wide.filter((el) => !wide.some((other) => other !== el && other.contains(el)));
    const root = document.scrollingElement ?? document.documentElement;
    return {
      scrollWidth: root.scrollWidth,
      innerWidth: width,
      culprits: outermost.slice(0, 8).map(describe),
    };
  });
}

export interface TabWalk {
  /** Tabbable controls (visible, enabled, tabindex ≥ 0, one per radio group) never focused. */
  unreached: string[];
  /** Controls that took the focus without a visible outline or shadow. */
  invisible: string[];
  /** Descriptions of everything focused, in order. */
  order: string[];
  /** Whether the walk came back round to the first control (no trap). */
  wrapped: boolean;
  /** Of the selectors the caller named, those with no element that took the focus. */
  missed: string[];
}

/**
 * Marks every tabbable control, then presses Tab until the focus leaves the page's last control
 * (or comes back to the first) and records what took it and whether it showed a focus ring.
 */
export async function walkWithTab(page: Page, mustReach: string[] = []): Promise<TabWalk> {
  const total = await page.evaluate(() => {
    const selector =
      'a[href], area[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable="true"]';
    const tabbable = [...document.querySelectorAll<HTMLElement>(selector)].filter((el) => {
      if (el.tabIndex < 0 || el.matches(':disabled') || el.closest('[inert]')) {
        return false;
      }
      if (el instanceof HTMLInputElement && el.type === 'hidden') {
        return false;
      }
      if (!el.checkVisibility({ visibilityProperty: true })) {
        return false;
      }
      if (el instanceof HTMLInputElement && el.type === 'radio' && el.name) {
        const group = [
          ...(el.form ?? document).querySelectorAll<HTMLInputElement>(
            `input[type="radio"][name="${CSS.escape(el.name)}"]`,
          ),
        ].filter((r) => !r.disabled);
        const stop = group.find((r) => r.checked) ?? group[0];
        return stop === el;
      }
      return true;
    });
    tabbable.forEach((el, i) => {
      el.dataset.tabWalk = String(i);
    });
    (document.activeElement as HTMLElement | null)?.blur();
    return tabbable.length;
  });
  const seen = new Set<string>();
  const order: string[] = [];
  const invisible: string[] = [];
  let wrapped = false;
  let previous: string | null = null;
  let stay = 0;
  // A date or time input keeps the focus while Tab moves through its fields (day, month, year,
  // hours, minutes): a few presses on the same control are not a trap.
  for (let press = 0; press < total * 2 + 20; press++) {
    await page.keyboard.press('Tab');
    const now = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) {
        return null;
      }
      const style = getComputedStyle(el);
      const ring =
        (style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0) ||
        style.boxShadow !== 'none';
      const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ');
      return {
        mark: el.dataset.tabWalk ?? null,
        what: `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[data-testid=${el.getAttribute('data-testid')}]` : ''} “${name.slice(0, 50)}”`,
        ring,
      };
    });
    if (now?.mark != null && now.mark === previous && stay < 8) {
      stay++;
      continue;
    }
    if (!now || (now.mark !== null && seen.has(now.mark))) {
      wrapped = true;
      break;
    }
    previous = now.mark;
    stay = 0;
    order.push(now.what);
    if (!now.ring) {
      invisible.push(now.what);
    }
    if (now.mark !== null) {
      seen.add(now.mark);
    }
  }
  const { unreached, missed } = await page.evaluate(
    ({ reached, selectors }) => {
      const wasReached = (el: HTMLElement) => reached.includes(el.dataset.tabWalk ?? '');
      return {
        unreached: [...document.querySelectorAll<HTMLElement>('[data-tab-walk]')]
          .filter((el) => !wasReached(el) && el.tabIndex >= 0)
          .map((el) => `${el.tagName.toLowerCase()} “${(el.textContent ?? '').trim().slice(0, 50)}”`),
        missed: selectors.filter(
          (selector) => ![...document.querySelectorAll<HTMLElement>(selector)].some(wasReached),
        ),
      };
    },
    { reached: [...seen], selectors: mustReach },
  );
  return { unreached, invisible, order, wrapped, missed };
}
