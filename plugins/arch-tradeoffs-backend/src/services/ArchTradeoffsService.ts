import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  InputError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import type {
  Decision,
  DecisionRequest,
  ScorecardWeights,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import type { SnapshotStore, StoredSnapshot } from '../database/SnapshotStore';
import type { ReadAccess } from '../permissions/ReadAccess';
import type { ComponentAssessor } from './ComponentAssessor';
import { Recent } from './Recent';
import { SnapshotIndex } from './SnapshotIndex';
import { SnapshotView } from './SnapshotView';

/** How far ahead a suggestion may be snoozed: beyond that, dismiss it. */
const MAX_SNOOZE_DAYS = 366;
const DAY_MS = 86_400_000;
/**
 * How long reads trust the latest snapshot's id and the decisions they read. Under load, a query per
 * request for each was most of the cost of a cached response (the example organisation's suggestions
 * page: 554 requests/s with both queries, 1,806 without). A snapshot this process publishes and a
 * decision it records are seen at once; another replica's within this time.
 */
const READ_TTL_MS = 1000;
/**
 * How soon reads may ask for a refresh, doubling up to the maximum while the reason persists: a refresh
 * that keeps failing, that another version's replica runs, or an organisation with no component yet,
 * is not asked for back to back.
 */
const FIRST_REFRESH_REQUEST_MS = 10_000;
const MAX_REFRESH_REQUEST_MS = 600_000;

/** When reads last asked for a refresh for one reason, and how long they wait before asking again. */
interface RefreshRequests {
  at: number;
  interval: number;
}

const noRequestYet = (): RefreshRequests => ({ at: 0, interval: FIRST_REFRESH_REQUEST_MS });

/**
 * The service layer behind the routes: each request reads the latest snapshot through a
 * {@link SnapshotView} narrowed to what its caller may read; decisions are recorded here.
 */
export class ArchTradeoffsService {
  /** The latest snapshot's index: one query per snapshot, not per request. */
  private indexCache?: { snapshotId: number; index: Promise<SnapshotIndex> };
  private readonly latestSnapshot: Recent<StoredSnapshot | undefined>;
  private readonly decisions: Recent<Map<string, Decision>>;
  /** Whether any snapshot is published, whatever its fingerprint (to tell "stale" from "none yet"). */
  private readonly anySnapshot: Recent<boolean>;
  /** Asked while no snapshot has this process's fingerprint. */
  private stale = noRequestYet();
  /**
   * Asked while the latest snapshot is empty: most often the one taken at start-up, before the catalog
   * had read its entities, which would otherwise be all there is until the schedule's next run.
   */
  private empty = noRequestYet();

  constructor(
    private readonly store: SnapshotStore,
    private readonly assessor: ComponentAssessor,
    private readonly access: ReadAccess,
    private readonly weights: ScorecardWeights,
    /** See configFingerprint: the snapshots this process serves, and part of every view's version. */
    private readonly configKey: string,
    /** Asks for a refresh: there is no snapshot of this version and configuration yet, or it is empty. */
    private readonly requestRefresh: () => void = () => {},
    private readonly now: () => Date = () => new Date(),
  ) {
    this.latestSnapshot = new Recent(READ_TTL_MS, () => store.latestSnapshot(configKey));
    this.decisions = new Recent(READ_TTL_MS, () => store.decisions());
    this.anySnapshot = new Recent(READ_TTL_MS, async () => (await store.latestSnapshot()) !== undefined);
  }

  /** A refresh of this process published a snapshot: the next read serves it. */
  published(): void {
    this.latestSnapshot.forget();
    this.anySnapshot.forget();
    this.stale = noRequestYet();
  }

  /** The caller's view of the latest snapshot. */
  async view(credentials: BackstageCredentials): Promise<SnapshotView> {
    const snapshot = await this.latest();
    const index = await this.index(snapshot);
    const scope = await this.access.scope(credentials, index);
    const { store, assessor, weights, now, configKey } = this;
    const decisions = () => this.decisions.get();
    return new SnapshotView({ store, assessor, weights, now, decisions, configKey }, snapshot, index, scope);
  }

  /**
   * Records a decision on a suggestion of the latest snapshot, on a component the caller may read
   * (the decide permission is the router's to check). Keyed by the suggestion's stable id, it applies
   * to later snapshots for as long as the engine makes the same suggestion.
   */
  async decide(
    suggestionId: string,
    request: DecisionRequest,
    credentials: BackstageCredentials<{ type: 'user'; userEntityRef: string }>,
  ): Promise<Decision> {
    const view = await this.view(credentials);
    if (!view.seesSuggestion(suggestionId)) {
      throw new NotFoundError(`No suggestion ${suggestionId} in snapshot ${view.snapshot.id}`);
    }
    const now = this.now();
    let snoozeUntil: string | undefined;
    if (request.decision === 'snoozed') {
      const until = Date.parse(request.snoozeUntil!);
      if (!(until > now.getTime())) {
        throw new InputError(`Invalid 'snoozeUntil': ${request.snoozeUntil} is not in the future`);
      }
      if (until > now.getTime() + MAX_SNOOZE_DAYS * DAY_MS) {
        throw new InputError(
          `Invalid 'snoozeUntil': ${request.snoozeUntil} is more than ${MAX_SNOOZE_DAYS} days ahead; dismiss the suggestion instead`,
        );
      }
      snoozeUntil = new Date(until).toISOString();
    }
    const reason = request.reason?.trim();
    const decision: Decision = {
      suggestionId,
      decision: request.decision,
      ...(reason ? { reason } : {}),
      ...(snoozeUntil ? { snoozeUntil } : {}),
      decidedBy: credentials.principal.userEntityRef,
      decidedAt: now.toISOString(),
    };
    await this.store.saveDecision(decision);
    this.decisions.forget();
    return decision;
  }

  /**
   * The newest snapshot computed with this process's version and configuration. One computed with
   * others (before a price override, during a rolling deploy) is not served: its stored figures would
   * disagree with the records derived from it here. A refresh is asked for instead.
   */
  private async latest(): Promise<StoredSnapshot> {
    const snapshot = await this.latestSnapshot.get();
    if (snapshot) {
      if (snapshot.componentCount === 0) this.askForRefresh(this.empty);
      else this.empty = noRequestYet();
      return snapshot;
    }
    if (await this.anySnapshot.get()) {
      this.askForRefresh(this.stale);
      throw new ServiceUnavailableError(
        'The configuration or the plugin version changed since the last refresh; a new one is running. Try again in a moment.',
      );
    }
    throw new ServiceUnavailableError(
      'No snapshot yet: the first refresh has not finished. Try again in a moment.',
    );
  }

  /** Asks for a refresh unless it was asked for this reason too recently; the next wait is longer. */
  private askForRefresh(requests: RefreshRequests): void {
    const now = this.now().getTime();
    if (now - requests.at < requests.interval) return;
    if (requests.at > 0) requests.interval = Math.min(MAX_REFRESH_REQUEST_MS, requests.interval * 2);
    requests.at = now;
    this.requestRefresh();
  }

  /** The snapshot's index, read once per snapshot (a failed read is retried by the next request). */
  private index(snapshot: StoredSnapshot): Promise<SnapshotIndex> {
    if (this.indexCache?.snapshotId !== snapshot.id) {
      const index = this.store.index(snapshot.id);
      const cache = { snapshotId: snapshot.id, index };
      index.catch(() => {
        if (this.indexCache === cache) this.indexCache = undefined;
      });
      this.indexCache = cache;
    }
    return this.indexCache.index;
  }
}
