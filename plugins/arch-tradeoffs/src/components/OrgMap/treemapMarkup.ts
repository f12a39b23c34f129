import { MODEL_COLOURS } from '../ComponentsTable';
import { modelOf } from './mapModel';
import {
  TreemapGroup,
  TreemapLayout,
  TreemapTile,
  GROUP_LABEL_PX,
} from './treemapLayout';

/**
 * The treemap's rectangles as SVG markup, one string. At 50,000 components thousands of rectangles
 * are drawn; the browser parses a string of them many times faster than React creates and reconciles
 * as many elements (most of a zoom or a filter went there). The rectangles carry no handlers:
 * OrgTreemap handles hover, focus, click and keys once, on the container. Every value from the
 * catalog goes through `escape`.
 */

/** Diagonal hatching: the area of components too small to draw, inside their group. */
export const HATCH_ID = 'arch-tradeoffs-map-hatch';
/** Approximate width of a character at the labels' size, to cut labels to what fits. */
const CHAR_PX = 6.5;
const TILE_LABEL_MIN = { width: 40, height: 16 };
/** Light model colours need dark text. */
const DARK_TEXT_ON = new Set([
  MODEL_COLOURS.unannotated,
  MODEL_COLOURS['not-applicable'],
]);

/**
 * Classes of the few groups. Tiles carry no class nor stroke: TreemapSvg styles them by a rule on the
 * `<svg>`, which keeps thousands of them a quarter shorter to write and to parse.
 */
export interface MarkupClasses {
  group: string;
  groupLabel: string;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escape = (text: string) =>
  text.replace(/[&<>"']/g, ch => ESCAPES[ch]);

/** Two decimals are plenty for pixels and keep the string short. */
const px = (n: number) => Math.round(n * 100) / 100;

/** `text` cut to `width` pixels, with an ellipsis; '' when not even a few characters fit. */
export function fitLabel(text: string, width: number): string {
  const chars = Math.floor((width - 8) / CHAR_PX);
  if (chars < 3) return '';
  return text.length <= chars ? text : `${text.slice(0, chars - 1)}…`;
}

function groupMarkup(
  g: TreemapGroup,
  describe: (g: TreemapGroup) => string,
  classes: MarkupClasses,
) {
  const summary = escape(describe(g));
  const [x, y, w, h] = [px(g.x), px(g.y), px(g.width), px(g.height)];
  const label = g.labelled ? fitLabel(g.label, g.width) : '';
  const band = g.labelled
    ? `<rect x="${x}" y="${y}" width="${w}" height="${GROUP_LABEL_PX}" fill="${
        g.depth === 1 ? '#cfd8dc' : '#eceff1'
      }"/>`
    : '';
  const text = label
    ? `<text x="${px(g.x + 4)}" y="${px(g.y + 13)}" class="${
        classes.groupLabel
      }" fill="#212121">${escape(label)}</text>`
    : '';
  return `<g class="${classes.group}" data-zoom="${escape(g.id)}" data-testid="map-group" data-depth="${
    g.depth
  }" data-count="${g.count}" role="button" tabindex="0" aria-label="Zoom into ${summary}"><title>${summary}. Click to zoom in.</title><rect x="${x}" y="${y}" width="${w}" height="${h}" fill="url(#${HATCH_ID})" stroke="#9e9e9e" stroke-width="0.5"/>${band}${text}</g>`;
}

function tileMarkup(t: TreemapTile, href: string) {
  const c = t.component;
  const colour = MODEL_COLOURS[modelOf(c)];
  // The suggestion's dark corner, edged in white so it shows on every model colour.
  const corner = Math.min(10, t.width / 2.5, t.height / 2.5);
  const label =
    t.width >= TILE_LABEL_MIN.width && t.height >= TILE_LABEL_MIN.height
      ? fitLabel(c.name, t.width)
      : '';
  const right = px(t.x + t.width);
  const mark =
    c.suggestion && corner >= 3
      ? `<path d="M${px(right - corner)},${px(t.y)}H${right}V${px(
          t.y + corner,
        )}Z" fill="#212121" stroke="#fff" data-testid="map-suggestion"/>`
      : '';
  const text = label
    ? `<text x="${px(t.x + 4)}" y="${px(t.y + 12)}" fill="${
        DARK_TEXT_ON.has(colour) ? '#212121' : '#fff'
      }">${escape(label)}</text>`
    : '';
  return `<a href="${escape(href)}" aria-label="${escape(
    c.name,
  )}" data-testid="map-tile" data-ref="${escape(c.entityRef)}"><rect x="${px(t.x)}" y="${px(
    t.y,
  )}" width="${px(t.width)}" height="${px(t.height)}" fill="${colour}"/>${mark}${text}</a>`;
}

/** The hatching, the groups (under) and the components (over), in drawing order. */
export function treemapMarkup(
  layout: TreemapLayout,
  options: {
    hrefOf: (entityRef: string) => string;
    describe: (g: TreemapGroup) => string;
    classes: MarkupClasses;
  },
): string {
  const { hrefOf, describe, classes } = options;
  const hatch = `<defs><pattern id="${HATCH_ID}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#f5f5f5"/><line x1="0" y1="0" x2="0" y2="6" stroke="#bdbdbd" stroke-width="2"/></pattern></defs>`;
  const parts = [hatch];
  for (const g of layout.groups) parts.push(groupMarkup(g, describe, classes));
  for (const t of layout.tiles)
    parts.push(tileMarkup(t, hrefOf(t.component.entityRef)));
  return parts.join('');
}
