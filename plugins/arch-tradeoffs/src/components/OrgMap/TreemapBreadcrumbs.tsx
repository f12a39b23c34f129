import Link from '@material-ui/core/Link';
import Typography from '@material-ui/core/Typography';
import { Breadcrumbs } from '@backstage/core-components';
import type { Crumb } from './treemapLayout';

/** Where the treemap is zoomed, each level up a button; the last one is where you are. */
export function TreemapBreadcrumbs({
  crumbs,
  onZoom,
}: {
  crumbs: Crumb[];
  onZoom: (id: string) => void;
}) {
  return (
    <Breadcrumbs aria-label="Treemap zoom">
      {crumbs.map((crumb, i) =>
        i === crumbs.length - 1 ? (
          <Typography
            key={crumb.id}
            color="textPrimary"
            aria-current="location"
          >
            {crumb.label}
          </Typography>
        ) : (
          <Link
            key={crumb.id}
            component="button"
            variant="body1"
            onClick={() => onZoom(crumb.id)}
          >
            {crumb.label}
          </Link>
        ),
      )}
    </Breadcrumbs>
  );
}
