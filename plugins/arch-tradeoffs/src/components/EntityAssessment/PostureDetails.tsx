import Typography from '@material-ui/core/Typography';
import { StructuredMetadataTable } from '@backstage/core-components';
import type {
  LimitDistance,
  Posture,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import { PostureFlagsList } from './PostureFlagsList';

const number = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const percent = (ratio: number) => `${Math.round(ratio * 100)} %`;

function headroomText(headroom: Posture['headroom']): string {
  if (!headroom) return 'Not applicable: the platform scales per request';
  return `${number.format(headroom.capacityRps)} req/s at minimum instances vs a ${number.format(headroom.peakRps)} req/s peak (${percent(headroom.ratio)} of peak; ${percent(headroom.ratioAtMax)} at max instances)`;
}

function limitText(limit: LimitDistance): string {
  return `${number.format(limit.value)} of ${number.format(limit.max)} ${limit.unit} (${percent(limit.ratio)})`;
}

/** The scaling posture in full: the facts first, then the flags they raise. */
export function PostureDetails({ posture }: { posture: Posture }) {
  const { concurrency } = posture;
  const metadata: Record<string, string> = {
    'Scales to zero': posture.scaleToZero ? 'Yes' : 'No',
    Headroom: headroomText(posture.headroom),
    'Cold start vs SLO': posture.coldStart.message,
    Concurrency: `${number.format(concurrency.average)} average, ${number.format(concurrency.peak)} at peak${concurrency.limit !== undefined ? ` (limit ${number.format(concurrency.limit)})` : ''}`,
  };
  if (posture.utilisation !== undefined) {
    metadata.Utilisation = `${percent(posture.utilisation)} of provisioned capacity on average`;
  }
  for (const limit of posture.limits) {
    metadata[`Limit: ${limit.limit}`] = limitText(limit);
  }
  return (
    <>
      {/* Keep the labels as written (the default start-cases them: "Slo"). */}
      <StructuredMetadataTable
        metadata={metadata}
        dense
        options={{ titleFormat: key => key }}
      />
      <Typography variant="subtitle2" style={{ marginTop: 16 }}>
        Flags
      </Typography>
      <PostureFlagsList flags={posture.flags} />
    </>
  );
}
