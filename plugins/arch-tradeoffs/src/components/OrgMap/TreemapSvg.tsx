import { memo, useMemo } from 'react';
import { makeStyles } from '@material-ui/core/styles';
import { formatCost } from '../../lib/format';
import { TreemapGroup, TreemapLayout } from './treemapLayout';
import { treemapMarkup } from './treemapMarkup';

const useStyles = makeStyles(theme => ({
  svg: {
    display: 'block',
    fontFamily: theme.typography.fontFamily,
    userSelect: 'none',
    // The tiles (see MarkupClasses): a white edge between neighbours, a dark one on hover and focus.
    '& a > rect': { stroke: '#fff', strokeWidth: 0.5 },
    '& a:focus': { outline: 'none' },
    '& a:hover > rect, & a:focus > rect': {
      stroke: theme.palette.text.primary,
      strokeWidth: 2,
    },
    '& a > text': { pointerEvents: 'none', fontSize: 11 },
  },
  group: {
    cursor: 'zoom-in',
    '&:focus': { outline: 'none' },
    '&:focus > rect, &:hover > rect': {
      stroke: theme.palette.text.primary,
      strokeWidth: 1.5,
    },
  },
  groupLabel: { pointerEvents: 'none', fontSize: 12, fontWeight: 500 },
}));

interface Props {
  layout: TreemapLayout;
  width: number;
  height: number;
  currency: string;
  hrefOf: (entityRef: string) => string;
}

/**
 * The drawing only (see treemapMarkup for why it is one string). Memoised so a hover re-renders the
 * details panel, not thousands of rectangles.
 */
function TreemapSvgUnmemoised({
  layout,
  width,
  height,
  currency,
  hrefOf,
}: Props) {
  const classes = useStyles();
  // By layout: a layout OrgTreemap kept (zooming back up, a search cleared) comes with its markup.
  const markups = useMemo(() => {
    const counts = new Intl.NumberFormat();
    return {
      byLayout: new WeakMap<TreemapLayout, string>(),
      make: (of: TreemapLayout) =>
        treemapMarkup(of, {
          hrefOf,
          classes,
          describe: (g: TreemapGroup) =>
            `${g.label}: ${counts.format(g.count)} ${
              g.count === 1 ? 'component' : 'components'
            }, ${formatCost(g.cost, currency)} / month`,
        }),
    };
  }, [hrefOf, classes, currency]);
  let markup = markups.byLayout.get(layout);
  if (markup === undefined) {
    markup = markups.make(layout);
    markups.byLayout.set(layout, markup);
  }
  return (
    <svg
      className={classes.svg}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="group"
      aria-label="Treemap of components by estimated monthly cost"
      data-testid="treemap"
      // For tests and the benchmark: what the drawing shows, without counting rectangles.
      data-count={layout.count}
      data-zoomed={layout.breadcrumbs[layout.breadcrumbs.length - 1].id}
      dangerouslySetInnerHTML={{ __html: markup }}
    />
  );
}

export const TreemapSvg = memo(TreemapSvgUnmemoised);
