import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { ModelFilter } from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { MODEL_COLOURS, MODEL_LABELS } from '../ComponentsTable';
import { MAX_TILE, MIN_TILE } from './mapModel';
import { SUGGESTION_MARK } from './MapTiles';
import type { MapView } from './useMapFilters';

const useStyles = makeStyles(theme => ({
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(2),
    margin: 0,
    padding: 0,
    listStyle: 'none',
  },
  item: { display: 'flex', alignItems: 'center', gap: theme.spacing(0.75) },
  swatch: { display: 'inline-block', borderRadius: 2 },
  sizes: { display: 'inline-flex', alignItems: 'flex-end', gap: 3 },
}));

/** The size tiles are neutral: their colour means nothing. */
const SIZE_TILE = '#bdbdbd';

const MODELS: ModelFilter[] = ['always-on', 'on-demand', 'unannotated', 'not-applicable'];

/** The treemap's hatching (TreemapSvg), as a CSS background. */
const HATCH = 'repeating-linear-gradient(45deg, #bdbdbd 0 1.5px, #f5f5f5 1.5px 4px)';

/** What a tile's colour and size mean. */
export function MapLegend({ view }: { view: MapView }) {
  const classes = useStyles();
  return (
    <ul className={classes.legend} aria-label="Legend">
      {MODELS.map(m => (
        <li key={m} className={classes.item}>
          <span
            className={classes.swatch}
            style={{ width: 14, height: 14, backgroundColor: MODEL_COLOURS[m] }}
          />
          <Typography variant="body2">{MODEL_LABELS[m]}</Typography>
        </li>
      ))}
      <li className={classes.item}>
        <span
          className={classes.swatch}
          style={{
            width: 14,
            height: 14,
            backgroundColor: MODEL_COLOURS.unannotated,
            backgroundImage: SUGGESTION_MARK,
          }}
        />
        <Typography variant="body2">Has a migration suggestion (dark corner)</Typography>
      </li>
      {view === 'treemap' ? (
        <>
          <li className={classes.item}>
            <Typography variant="body2">
              Area is proportional to estimated monthly cost; unassessed components get a minimum area
            </Typography>
          </li>
          <li className={classes.item}>
            <span className={classes.swatch} style={{ width: 14, height: 14, background: HATCH }} />
            <Typography variant="body2">Components too small to draw: zoom in</Typography>
          </li>
        </>
      ) : (
        <li className={classes.item}>
          {/* Two tiles, small and large, drawn like the map's (filled, aligned at the bottom). */}
          <span className={classes.sizes} aria-hidden="true">
            <span
              className={classes.swatch}
              style={{ width: MIN_TILE, height: MIN_TILE, backgroundColor: SIZE_TILE }}
            />
            <span
              className={classes.swatch}
              style={{ width: MAX_TILE / 2, height: MAX_TILE / 2, backgroundColor: SIZE_TILE }}
            />
          </span>
          <Typography variant="body2">
            Area grows with estimated monthly cost; unassessed components are smallest
          </Typography>
        </li>
      )}
    </ul>
  );
}
