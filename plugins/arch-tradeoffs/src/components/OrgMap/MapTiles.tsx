import { memo } from 'react';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { MODEL_COLOURS } from '../ComponentsTable';
import { formatCost } from '../../lib/format';
import { MapGroup, modelOf } from './mapModel';

const useStyles = makeStyles(theme => ({
  group: { marginBottom: theme.spacing(2) },
  nested: { marginLeft: theme.spacing(2), marginBottom: theme.spacing(1.5) },
  heading: {
    display: 'flex',
    alignItems: 'baseline',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(0.5),
  },
  tiles: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: 3 },
  // One class for every tile; only size and colour vary, inline. A dark corner marks a suggestion.
  tile: {
    display: 'block',
    borderRadius: 2,
    outlineOffset: 1,
    '&:hover, &:focus': { outline: `2px solid ${theme.palette.text.primary}` },
  },
}));

/**
 * A suggestion's mark: a dark triangle in the tile's top-right corner, edged in white so it shows on
 * every model colour. A background image, so a tile stays one element however many there are.
 */
export const SUGGESTION_MARK =
  'linear-gradient(225deg, #212121 0 6px, #fff 6px 7.5px, transparent 7.5px)';

interface Props {
  groups: MapGroup[];
  currency: string;
  sizeOf: (cost: number | null) => number;
  /** The tile's href, with the app's base path. */
  hrefOf: (entityRef: string) => string;
}

function GroupHeading({
  group,
  variant,
  level,
  currency,
}: {
  group: MapGroup;
  variant: 'h6' | 'subtitle1';
  level: 'h3' | 'h4';
  currency: string;
}) {
  const classes = useStyles();
  return (
    <div className={classes.heading}>
      <Typography variant={variant} component={level}>
        {group.label}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        {group.count.toLocaleString()} {group.count === 1 ? 'component' : 'components'} ·{' '}
        {formatCost(group.cost, currency)} / month
      </Typography>
    </div>
  );
}

/**
 * Every tile is a plain `<a>` with inline size and colour — no component, no hooks, no tooltip per
 * tile — so 5,000 of them render in one pass. Hover, focus and click are handled once, by the
 * container (see OrgMapView). Memoised: hovering a tile must not re-render the others.
 */
function MapTilesUnmemoised({ groups, currency, sizeOf, hrefOf }: Props) {
  const classes = useStyles();

  const tiles = (group: MapGroup) => (
    <div className={classes.tiles}>
      {group.items.map(c => {
        const size = sizeOf(c.monthlyCost);
        return (
          <a
            key={c.entityRef}
            href={hrefOf(c.entityRef)}
            aria-label={c.name}
            data-testid="map-tile"
            data-ref={c.entityRef}
            className={classes.tile}
            style={{
              width: size,
              height: size,
              backgroundColor: MODEL_COLOURS[modelOf(c)],
              backgroundImage: c.suggestion ? SUGGESTION_MARK : undefined,
            }}
          />
        );
      })}
    </div>
  );

  return (
    <>
      {groups.map(group => (
        <section key={group.key} className={classes.group}>
          <GroupHeading group={group} variant="h6" level="h3" currency={currency} />
          {group.children.length > 0
            ? group.children.map(child => (
                <section key={child.key} className={classes.nested}>
                  <GroupHeading group={child} variant="subtitle1" level="h4" currency={currency} />
                  {tiles(child)}
                </section>
              ))
            : tiles(group)}
        </section>
      ))}
    </>
  );
}

export const MapTiles = memo(MapTilesUnmemoised);
