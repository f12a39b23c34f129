import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import type {
  ScorecardFigures,
  ScorecardWeights,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import type {
  HistoryRow,
  SnapshotStore,
  StoredSnapshot,
} from '../database/SnapshotStore';
import type { ComponentAssessor } from '../services/ComponentAssessor';
import type { ComponentReader } from '../services/ComponentReader';
import { suggestionStatus } from '../services/suggestionStatus';
import {
  round2,
  ScorecardTally,
  ScoredComponent,
} from '../scorecards/computeScorecards';
import { toStoredComponent } from './storedComponent';
import type { UsageMeter } from '../usage/UsageMeter';

export interface RefresherOptions {
  reader: ComponentReader;
  assessor: ComponentAssessor;
  store: SnapshotStore;
  auth: AuthService;
  logger: LoggerService;
  weights: ScorecardWeights;
  retentionDays: number;
  currency: string;
  /** Measures usage from the monitoring system; absent when no source is configured. */
  meter?: UsageMeter;
  /** The plugin version and configuration, stamped on the snapshot (see configFingerprint). */
  fingerprint: string;
}

/** Component rows are kept for the newest two snapshots: the served one and the one before it. */
const KEEP_COMPONENT_SNAPSHOTS = 2;
const DAY_MS = 86_400_000;

/**
 * One refresh: measure usage (when a source is configured), read the catalog a page at a time, assess
 * each component, and write the snapshot (components, groups, history) in one transaction. Scheduling
 * and locking belong to the scheduler.
 */
export class SnapshotRefresher {
  constructor(private readonly options: RefresherOptions) {}

  async refresh(): Promise<StoredSnapshot> {
    const { reader, assessor, store, auth, logger, weights, currency, meter, fingerprint } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const now = new Date();
    const previousUsage = meter && (await store.latestSnapshot())?.usage;
    const snapshot = await store.writeSnapshot(
      async tx => {
        // Measured before the catalog is read (the organisation-wide queries do not depend on it), as
        // part of the refresh's time. A source that is down costs one request (see UsageMeter).
        const measurement = meter && (await meter.start(now, previousUsage));
        const decisions = await tx.decisions();
        const isOpen = (id: string) => suggestionStatus(decisions.get(id), now) === 'open';
        const previous = await tx.previousFigures();
        // Groups first, so that each component is counted into the scorecards as it passes and no
        // component's figures are held until the end.
        const groups = await reader.readGroups(credentials);
        const tally = new ScorecardTally(groups, isOpen);
        let componentCount = 0;

        for await (const page of reader.componentPages(credentials)) {
          // Each assessment is reduced to its stored figures at once and dropped: held for a whole page
          // (a few KB each) they outlive the young generation, and a refresh's worth of them would pile
          // up in the old one until the next full collection, hundreds of MB at 50,000 components.
          const usage = measurement && (await measurement.measure(
            page.filter(c => assessor.isWorkload(c.inputs)).map(c => ({
              entityRef: c.inputs.entity.entityRef,
              name: c.inputs.entity.name,
              namespace: c.inputs.entity.namespace,
              annotations: c.inputs.annotations,
            })),
          ));
          const stored = page.map(({ inputs: read, permissionEntity }) => {
            const measured = usage?.get(read.entity.entityRef);
            const inputs = measured ? { ...read, usage: measured } : read;
            return toStoredComponent(inputs, assessor.deriveFigures(inputs), permissionEntity);
          });
          await tx.addComponents(stored);
          // Component points are staged with their page (a failed refresh deletes them with the rest).
          const changed: HistoryRow[] = [];
          for (const component of stored) {
            tally.add(component);
            const point = componentPoint(component.inputs.entity.entityRef, component, isOpen);
            if (point && !previous.same(point.subject, point)) changed.push(point);
          }
          await tx.addHistory(changed);
          componentCount += stored.length;
        }

        await tx.addGroups(groups);
        const { teams, org } = tally.scorecards(weights);
        await tx.addHistory([
          figuresPoint('org', 'org', org),
          ...teams.map(t => figuresPoint(t.groupRef, 'group', t.aggregated)),
        ]);
        return { componentCount, currency, fingerprint, ...(measurement ? { usage: measurement.health() } : {}) };
      },
      {
        keepComponentSnapshots: KEEP_COMPONENT_SNAPSHOTS,
        historyCutoff: new Date(now.getTime() - this.options.retentionDays * DAY_MS),
      },
    );
    logger.info(
      `Snapshot ${snapshot.id}: ${snapshot.componentCount} components in ${snapshot.durationMs} ms`,
    );
    return snapshot;
  }
}

function figuresPoint(subject: string, kind: HistoryRow['kind'], f: ScorecardFigures): HistoryRow {
  return {
    subject,
    kind,
    monthlyCost: f.monthlyCost,
    bestMonthlyCost: f.bestMonthlyCost,
    potentialSavings: f.potentialSavings,
    components: f.components,
    openSuggestions: f.openSuggestions,
    score: f.score,
  };
}

/** A component's history point; unassessed components have no figures to chart. */
function componentPoint(
  entityRef: string,
  c: ScoredComponent,
  isOpen: (id: string) => boolean,
): HistoryRow | undefined {
  if (c.monthlyCost === null) return undefined;
  const open = c.suggestionId !== null && isOpen(c.suggestionId);
  return {
    subject: entityRef,
    kind: 'component',
    monthlyCost: round2(c.monthlyCost),
    bestMonthlyCost: round2(c.bestMonthlyCost ?? c.monthlyCost),
    potentialSavings: open ? round2(Math.max(0, c.savings)) : 0,
    components: 1,
    openSuggestions: open ? 1 : 0,
    score: null,
  };
}
