import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { InfoCard } from '@backstage/core-components';
import {
  ANNOTATION_PREFIX,
  ComponentRecord,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { DiagnosticsList } from '../ComponentsTable/DiagnosticsList';
import { engineAssumptions, inputRows, isDrift } from './inputRows';
import { InputSourcesTable } from './InputSourcesTable';
import { MeasurementLine } from './MeasurementLine';
import { Section } from './Section';
import { TrafficShapeChart } from './TrafficShapeChart';

/**
 * The one place the tab says where its figures come from: the measurement (or why there is none),
 * stated values the measurement contradicts, every setting with its source, the measured day, and
 * what the engine assumed to size a suggested target.
 */
export function InputsCard({ component }: { component: ComponentRecord }) {
  const rows = inputRows(component);
  // Warnings (a figure off by more than the drift factor) before notes (a different pattern).
  const drift = component.diagnostics
    .filter(isDrift)
    .sort((a, b) => Number(a.severity !== 'warning') - Number(b.severity !== 'warning'));
  const shape =
    component.usage?.status === 'measured'
      ? component.usage.measurement.shape
      : undefined;
  const targetSizing = engineAssumptions(component);
  return (
    <InfoCard title="Inputs and where they came from">
      <MeasurementLine usage={component.usage} />
      {drift.length > 0 && (
        <Box mt={2}>
          <Alert severity="warning" aria-label="drift">
            <AlertTitle>Drift</AlertTitle>
            <Typography variant="body2" gutterBottom>
              Stated values the measurement contradicts. The stated value is
              used until the annotation is updated or removed.
            </Typography>
            <DiagnosticsList diagnostics={drift} />
          </Alert>
        </Box>
      )}
      <Box mt={1}>
        <Grid container spacing={3}>
          <Grid item xs={12} lg={shape ? 8 : 12}>
            <InputSourcesTable rows={rows} />
          </Grid>
          {shape && (
            <Grid item xs={12} lg={4}>
              <Section title="Traffic by hour">
                <TrafficShapeChart shape={shape} />
              </Section>
            </Grid>
          )}
        </Grid>
      </Box>
      {targetSizing.length > 0 && (
        <Section title="Assumed to size the suggested target">
          {targetSizing.map((a, i) => (
            <Typography key={i} variant="body2">
              <code>{a.annotation.replace(ANNOTATION_PREFIX, '')}</code>{' '}
              {String(a.value)}: {a.reason}
            </Typography>
          ))}
        </Section>
      )}
    </InfoCard>
  );
}
