import type { MouseEvent } from 'react';

/**
 * The map's tiles (treemap rectangles and list tiles alike) are links carrying `data-ref`; both views
 * handle their events once, on the container, and find the tile from the event's target.
 */
export function closestElement<T extends Element = HTMLElement>(target: EventTarget, selector: string): T | null {
  return (target as Element).closest?.<T>(selector) ?? null;
}

/** The tile link an event happened in, if any. */
export function tileOf(target: EventTarget): HTMLAnchorElement | SVGElement | null {
  return closestElement(target, 'a[data-ref]');
}

/** A plain left click: navigate inside the app. Modified clicks (new tab, …) keep the browser's way. */
export function isPlainClick(event: MouseEvent): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}
