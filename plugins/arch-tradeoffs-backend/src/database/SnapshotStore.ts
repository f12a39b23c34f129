import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';
import { Entity, parseEntityRef } from '@backstage/catalog-model';
import type {
  Decision,
  DecisionKind,
  ExecutionModel,
  HistoryPoint,
  Platform,
  ComponentUsage,
  Relations,
  Suggestion,
  UsageSourceHealth,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import type { GroupNode, ScoredComponent } from '../scorecards/computeScorecards';
import type { ComponentInputs } from '../services/ComponentAssessor';
import type { CatalogGroup } from '../services/ComponentReader';
import { IndexEntry, SnapshotIndex } from '../services/SnapshotIndex';
import { PreviousFigures } from './PreviousFigures';

const MIGRATIONS = resolvePackagePath(
  '@arch-tradeoffs/plugin-arch-tradeoffs-backend',
  'migrations',
);

/** Published snapshots looked at for other fingerprints to keep (see prune). */
const RECENT_FINGERPRINTS = 10;
/** Rows per INSERT: well under SQLite's and PostgreSQL's bound-parameter limits at 18 columns. */
const INSERT_BATCH = 500;
/** Entity refs per primary-key lookup. */
const LOOKUP_BATCH = 500;
/** Components' history figures per read (see `readComponentFigures`). */
const FIGURES_BATCH = 5000;
/** Stored entities per read when applying permission conditions. */
const ENTITY_BATCH = 2000;
/** The columns a component's inputs are read back from (see `inputsOf`). */
const INPUT_COLUMNS = ['entity_ref', 'name', 'title', 'owner', 'system', 'domain', 'record'];

/**
 * A component as the refresh stores it: its inputs (catalog facts and annotations; the record is
 * re-derived from them on read), plus the figures queries filter, sort and sum on.
 */
export interface StoredComponent extends ScoredComponent {
  inputs: ComponentInputs;
  /** The entity as the catalog's permission rules read it (see permissions/ReadAccess.ts). */
  permissionEntity: Entity;
  diagnosticCount: number;
  /** Null when unassessed. */
  executionModel: ExecutionModel | null;
  platform: Platform | null;
  /** The suggestion as stored (JSON), or null. */
  suggestionJson: string | null;
}

export interface HistoryRow extends Omit<HistoryPoint, 'snapshotId' | 'createdAt'> {
  subject: string;
  kind: 'org' | 'group' | 'component';
}

/** The writes of one refresh, staged until it is published. */
export interface SnapshotTransaction {
  readonly snapshotId: number;
  addComponents(components: StoredComponent[]): Promise<void>;
  addGroups(groups: CatalogGroup[]): Promise<void>;
  addHistory(points: HistoryRow[]): Promise<void>;
  decisions(): Promise<Map<string, Decision>>;
  /** Each component's newest history figures, to store a new point only when they change. */
  previousFigures(): Promise<PreviousFigures>;
}

interface SnapshotRow {
  status: 'building' | 'complete';
  id: number;
  created_at: Date | string;
  duration_ms: number;
  component_count: number;
  currency: string;
  usage: string | null;
  fingerprint: string | null;
}

/** What a refresh's build step reports for its snapshot row. */
export interface BuiltSnapshot {
  componentCount: number;
  currency: string;
  /** The usage source's health at this refresh; absent when none is configured. */
  usage?: UsageSourceHealth;
  /**
   * The plugin version and configuration it was computed with (see configFingerprint). Only a process
   * with the same fingerprint serves it: it derives records on read, and they must agree with the
   * figures stored here.
   */
  fingerprint?: string;
}

export interface StoredSnapshot extends BuiltSnapshot {
  id: number;
  createdAt: Date;
  durationMs: number;
}

/**
 * The plugin's database: snapshots of refreshes (written in one transaction each, so readers see the
 * previous snapshot until a new one commits), decisions, and history.
 */
export class SnapshotStore {
  static async create(database: DatabaseService): Promise<SnapshotStore> {
    const knex = await database.getClient();
    if (!database.migrations?.skip) {
      await knex.migrate.latest({ directory: MIGRATIONS });
    }
    if (isSqlite(knex)) {
      // A refresh writes tens of thousands of rows. With a write-ahead log, SQLite appends them and
      // syncs at checkpoints instead of rewriting a rollback journal per statement, and readers keep
      // reading the published snapshot meanwhile. (No effect on an in-memory database.)
      await knex.raw('PRAGMA journal_mode = WAL');
      await knex.raw('PRAGMA synchronous = NORMAL');
    }
    return new SnapshotStore(knex);
  }

  private constructor(private readonly knex: Knex) {}

  /**
   * Writes a snapshot: `build` stages its rows under a snapshot marked `building`, which no reader
   * sees; one transaction then publishes it (status `complete`) and prunes old data. If `build`
   * throws, the staged rows are deleted and the previous snapshot stays the latest.
   *
   * Staging rather than one long transaction: a refresh reads the catalog for seconds, and on SQLite
   * (one connection) an open transaction would block every reader and this plugin's own service-token
   * keys, which live in the same database, so the catalog call it waits on could never authenticate.
   */
  async writeSnapshot(
    build: (tx: SnapshotTransaction) => Promise<BuiltSnapshot>,
    options: { keepComponentSnapshots: number; historyCutoff: Date },
  ): Promise<StoredSnapshot> {
    const started = Date.now();
    const knex = this.knex;
    // The scheduler runs one refresh at a time, so any snapshot still building was abandoned.
    await deleteSnapshots(knex, knex('snapshots').where({ status: 'building' }).select('id'));
    const [inserted] = await knex('snapshots')
      .insert({ status: 'building', created_at: new Date(), duration_ms: 0, component_count: 0, currency: '' })
      .returning('id');
    const snapshotId = Number(typeof inserted === 'object' ? inserted.id : inserted);

    let built: BuiltSnapshot;
    try {
      built = await build({
        snapshotId,
        addComponents: components =>
          insertBatches(knex, 'snapshot_components', components.map(c => componentRow(snapshotId, c))),
        addGroups: groups =>
          insertBatches(
            knex,
            'snapshot_groups',
            groups.map(g => ({
              snapshot_id: snapshotId,
              group_ref: g.groupRef,
              title: g.title ?? null,
              type: g.type ?? null,
              parent_ref: g.parent ?? null,
              entity: JSON.stringify(g.permissionEntity),
            })),
          ),
        addHistory: points =>
          insertBatches(knex, 'history_points', points.map(p => historyRow(snapshotId, p))),
        decisions: () => readDecisions(knex),
        previousFigures: () => readComponentFigures(knex),
      });
    } catch (error) {
      await deleteSnapshots(knex, [snapshotId]);
      throw error;
    }

    const createdAt = new Date();
    const durationMs = Date.now() - started;
    await knex.transaction(async trx => {
      await trx('snapshots').where({ id: snapshotId }).update({
        status: 'complete',
        created_at: createdAt,
        duration_ms: durationMs,
        component_count: built.componentCount,
        currency: built.currency,
        usage: built.usage ? JSON.stringify(built.usage) : null,
        fingerprint: built.fingerprint ?? null,
      });
      await prune(trx, snapshotId, options);
    });
    return { id: snapshotId, createdAt, durationMs, ...built };
  }

  /**
   * The newest published snapshot whose component rows are kept: of any fingerprint, or of the one
   * given (the snapshots a process with that configuration may serve).
   */
  async latestSnapshot(fingerprint?: string): Promise<StoredSnapshot | undefined> {
    const query = this.knex('snapshots').where({ status: 'complete', rows_pruned: false });
    if (fingerprint !== undefined) query.andWhere({ fingerprint });
    const row: SnapshotRow | undefined = await query.orderBy('id', 'desc').first();
    return row ? toSnapshot(row) : undefined;
  }

  /**
   * Every component of a snapshot as the index's few columns, in entity-ref order (no record JSON;
   * of a suggestion, only what the map shows). The service reads this once per snapshot.
   */
  async index(snapshotId: number): Promise<SnapshotIndex> {
    const rows = await this.knex('snapshot_components')
      .where({ snapshot_id: snapshotId })
      .select(
        'entity_ref',
        'name',
        'title',
        'owner',
        'system',
        'domain',
        'model',
        'platform',
        'annotated',
        'diagnostic_count',
        'monthly_cost',
        'best_monthly_cost',
        'posture_risk',
        'not_applicable',
        'measured',
        'covered',
        'suggestion',
      )
      .orderBy('entity_ref');
    const entries = rows.map((r): IndexEntry => {
      const suggestion: Suggestion | null = r.suggestion ? JSON.parse(r.suggestion) : null;
      return {
        entityRef: r.entity_ref,
        name: r.name,
        ...(r.title ? { title: r.title } : {}),
        ...(r.owner ? { owner: r.owner } : {}),
        ...(r.system ? { system: r.system } : {}),
        ...(r.domain ? { domain: r.domain } : {}),
        executionModel: r.model ?? null,
        platform: r.platform ?? null,
        monthlyCost: numberOrNull(r.monthly_cost),
        bestMonthlyCost: numberOrNull(r.best_monthly_cost),
        diagnosticCount: Number(r.diagnostic_count),
        suggestion: suggestion && {
          id: suggestion.id,
          title: suggestion.title,
          targetPlatform: suggestion.targetPlatform,
          savings: suggestion.monthlySavings.expected,
        },
        annotated: Boolean(r.annotated),
        postureRisk: Boolean(r.posture_risk),
        ...(r.not_applicable ? { notApplicable: true as const } : {}),
        ...(r.measured ? { measured: true as const } : {}),
        covered: Boolean(r.covered),
      };
    });
    return new SnapshotIndex(snapshotId, entries);
  }

  /** The stored inputs of the given components, in the order given (unknown refs are left out). */
  async componentInputs(snapshotId: number, entityRefs: readonly string[]): Promise<ComponentInputs[]> {
    const rows = await this.rowsByRef<InputRow>(snapshotId, entityRefs, INPUT_COLUMNS);
    return rows.map(inputsOf);
  }

  /**
   * The stored suggestions (JSON, as written) of the given components, by entity ref. Read per request
   * rather than held in the index: 15,000 of them are 10 MB of text, twice that as JavaScript strings.
   */
  async suggestionJson(
    snapshotId: number,
    entityRefs: readonly string[],
    options: { scan: boolean },
  ): Promise<Map<string, string>> {
    type Row = { entity_ref: string; suggestion: string | null };
    const columns = ['entity_ref', 'suggestion'];
    // For most of a snapshot's suggestions, one scan is quicker than a lookup per batch of refs.
    const rows: Row[] = options.scan
      ? await this.knex('snapshot_components')
          .where({ snapshot_id: snapshotId })
          .whereNotNull('suggestion_id')
          .select(columns)
      : await this.rowsByRef<Row>(snapshotId, entityRefs, columns);
    const wanted = new Set(entityRefs);
    const byRef = new Map<string, string>();
    for (const row of rows) {
      if (row.suggestion && wanted.has(row.entity_ref)) byRef.set(row.entity_ref, row.suggestion);
    }
    return byRef;
  }

  /**
   * Every component and group of a snapshot as the catalog gave it, for the permission rules, read a
   * batch at a time in primary-key order (50,000 entities at once would be held whole).
   */
  async *permissionEntities(
    snapshotId: number,
  ): AsyncGenerator<{ entityRef: string; entity: Entity | null }> {
    for (const [table, refColumn] of [
      ['snapshot_components', 'entity_ref'],
      ['snapshot_groups', 'group_ref'],
    ] as const) {
      let after: string | undefined;
      for (;;) {
        const query = this.knex(table)
          .where({ snapshot_id: snapshotId })
          .orderBy(refColumn)
          .limit(ENTITY_BATCH)
          .select({ ref: refColumn, entity: 'entity' });
        if (after !== undefined) query.where(refColumn, '>', after);
        const rows: Array<{ ref: string; entity: string | null }> = await query;
        for (const row of rows) {
          yield { entityRef: row.ref, entity: row.entity ? JSON.parse(row.entity) : null };
        }
        if (rows.length < ENTITY_BATCH) break;
        after = rows[rows.length - 1].ref;
      }
    }
  }

  async groups(snapshotId: number): Promise<GroupNode[]> {
    const rows = await this.knex('snapshot_groups')
      .where({ snapshot_id: snapshotId })
      .orderBy('group_ref')
      .select('group_ref', 'title', 'type', 'parent_ref');
    return rows.map(r => ({
      groupRef: r.group_ref,
      ...(r.title ? { title: r.title } : {}),
      ...(r.type ? { type: r.type } : {}),
      ...(r.parent_ref ? { parent: r.parent_ref } : {}),
    }));
  }

  async decisions(): Promise<Map<string, Decision>> {
    return readDecisions(this.knex);
  }

  async saveDecision(decision: Decision): Promise<void> {
    await this.knex('decisions')
      .insert({
        suggestion_id: decision.suggestionId,
        decision: decision.decision,
        reason: decision.reason ?? null,
        snooze_until: decision.snoozeUntil ? new Date(decision.snoozeUntil) : null,
        decided_by: decision.decidedBy,
        decided_at: new Date(decision.decidedAt),
      })
      .onConflict('suggestion_id')
      .merge();
  }

  /** A subject's history points, oldest first. */
  async history(subject: string): Promise<HistoryPoint[]> {
    const rows = await this.knex('history_points')
      .join('snapshots', 'snapshots.id', 'history_points.snapshot_id')
      .where({ subject, status: 'complete' })
      .orderBy('history_points.snapshot_id')
      .select('history_points.*', 'snapshots.created_at');
    return rows.map(r => ({
      snapshotId: Number(r.snapshot_id),
      createdAt: toDate(r.created_at).toISOString(),
      monthlyCost: Number(r.monthly_cost),
      bestMonthlyCost: Number(r.best_monthly_cost),
      potentialSavings: Number(r.potential_savings),
      components: Number(r.components),
      openSuggestions: Number(r.open_suggestions),
      score: numberOrNull(r.score),
    }));
  }

  /** Ids of stored snapshots, oldest first (for tests and the bench). */
  async snapshotIds(): Promise<number[]> {
    const rows = await this.knex('snapshots').where({ status: 'complete' }).select('id').orderBy('id');
    return rows.map(r => Number(r.id));
  }

  /** Rows by primary key, in the order of `entityRefs`, fetched in batches under the bound-parameter limits. */
  private async rowsByRef<Row extends { entity_ref: string }>(
    snapshotId: number,
    entityRefs: readonly string[],
    columns: string[],
  ): Promise<Row[]> {
    const byRef = new Map<string, Row>();
    for (let i = 0; i < entityRefs.length; i += LOOKUP_BATCH) {
      const rows = (await this.knex('snapshot_components')
        .where({ snapshot_id: snapshotId })
        .whereIn('entity_ref', entityRefs.slice(i, i + LOOKUP_BATCH))
        .select(columns)) as Row[];
      for (const row of rows) byRef.set(row.entity_ref, row);
    }
    const ordered: Row[] = [];
    for (const ref of entityRefs) {
      const row = byRef.get(ref);
      if (row) ordered.push(row);
    }
    return ordered;
  }
}

function componentRow(snapshotId: number, c: StoredComponent) {
  const { inputs } = c;
  const entity = inputs.entity;
  return {
    snapshot_id: snapshotId,
    entity_ref: entity.entityRef,
    name: entity.name,
    title: entity.title ?? null,
    owner: entity.owner ?? null,
    system: entity.system ?? null,
    domain: entity.domain ?? null,
    model: c.executionModel,
    platform: c.platform,
    annotated: c.annotated,
    diagnostic_count: c.diagnosticCount,
    monthly_cost: c.monthlyCost,
    best_monthly_cost: c.bestMonthlyCost,
    posture_risk: c.postureRisk,
    not_applicable: !c.applicable,
    measured: c.measured,
    covered: c.covered,
    suggestion_id: c.suggestionId,
    suggestion: c.suggestionJson,
    record: JSON.stringify(recordColumn(inputs)),
    entity: JSON.stringify(c.permissionEntity),
  };
}

/**
 * The `record` column holds the inputs no other column does: the catalog facts that are columns anyway
 * (ref, name, title, owner, system, domain) are not repeated in it.
 */
interface RecordColumn {
  type?: string;
  lifecycle?: string;
  annotations: Record<string, string>;
  relations: Relations;
  usage?: ComponentUsage;
}

/** An undefined type, lifecycle or usage is left out of the JSON. */
function recordColumn({ entity, annotations, relations, usage }: ComponentInputs): RecordColumn {
  return { type: entity.type, lifecycle: entity.lifecycle, annotations, relations, usage };
}

interface InputRow {
  entity_ref: string;
  name: string;
  title: string | null;
  owner: string | null;
  system: string | null;
  domain: string | null;
  record: string;
}

function inputsOf(row: InputRow): ComponentInputs {
  const stored: RecordColumn = JSON.parse(row.record);
  return {
    entity: {
      entityRef: row.entity_ref,
      namespace: parseEntityRef(row.entity_ref).namespace,
      name: row.name,
      ...(row.title ? { title: row.title } : {}),
      ...(row.owner ? { owner: row.owner } : {}),
      ...(row.system ? { system: row.system } : {}),
      ...(row.domain ? { domain: row.domain } : {}),
      ...(stored.type !== undefined ? { type: stored.type } : {}),
      ...(stored.lifecycle !== undefined ? { lifecycle: stored.lifecycle } : {}),
    },
    annotations: stored.annotations,
    relations: stored.relations,
    ...(stored.usage ? { usage: stored.usage } : {}),
  };
}

function historyRow(snapshotId: number, p: HistoryRow) {
  return {
    snapshot_id: snapshotId,
    subject: p.subject,
    kind: p.kind,
    monthly_cost: p.monthlyCost,
    best_monthly_cost: p.bestMonthlyCost,
    potential_savings: p.potentialSavings,
    components: p.components,
    open_suggestions: p.openSuggestions,
    score: p.score,
  };
}

async function insertBatches(knex: Knex, table: string, rows: object[]) {
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    await knex(table).insert(rows.slice(i, i + INSERT_BATCH));
  }
}

/** Deletes snapshots and everything stored under them. */
async function deleteSnapshots(knex: Knex, ids: number[] | Knex.QueryBuilder) {
  for (const table of ['history_points', 'snapshot_components', 'snapshot_groups']) {
    await knex(table).whereIn('snapshot_id', ids).delete();
  }
  await knex('snapshots').whereIn('id', ids).delete();
}

async function readDecisions(knex: Knex): Promise<Map<string, Decision>> {
  const rows = await knex('decisions').select().orderBy('suggestion_id');
  return new Map(
    rows.map(r => [
      r.suggestion_id,
      {
        suggestionId: r.suggestion_id,
        decision: r.decision as DecisionKind,
        ...(r.reason ? { reason: r.reason } : {}),
        ...(r.snooze_until ? { snoozeUntil: toDate(r.snooze_until).toISOString() } : {}),
        decidedBy: r.decided_by,
        decidedAt: toDate(r.decided_at).toISOString(),
      },
    ]),
  );
}

/**
 * Each component's newest history figures in a published snapshot, read a range of subjects at a time
 * (in primary-key order, so each range is an index scan): one result of 50,000 rows would be held
 * whole while it is read, and outlive the young generation.
 */
async function readComponentFigures(knex: Knex): Promise<PreviousFigures> {
  const figures = new PreviousFigures();
  let after: string | undefined;
  for (;;) {
    const newest = knex('history_points')
      .where({ kind: 'component' })
      .whereIn('snapshot_id', knex('snapshots').where({ status: 'complete' }).select('id'))
      .groupBy('subject')
      .orderBy('subject')
      .limit(FIGURES_BATCH)
      .select('subject', knex.raw('max(snapshot_id)'));
    if (after !== undefined) newest.where('subject', '>', after);
    const rows = await knex('history_points')
      .whereIn(['subject', 'snapshot_id'], newest)
      .orderBy('subject')
      .select('subject', 'monthly_cost', 'best_monthly_cost', 'potential_savings', 'open_suggestions');
    for (const r of rows) {
      figures.set(r.subject, {
        monthlyCost: Number(r.monthly_cost),
        bestMonthlyCost: Number(r.best_monthly_cost),
        potentialSavings: Number(r.potential_savings),
        openSuggestions: Number(r.open_suggestions),
      });
    }
    if (rows.length < FIGURES_BATCH) return figures;
    after = rows[rows.length - 1].subject;
  }
}

/**
 * Keeps component and group rows of the newest published snapshots only (found by query: a failed
 * refresh leaves a gap in the ids, and counting back from the new id would drop a snapshot still being
 * served); drops snapshots (and their history) past the cutoff.
 */
async function prune(
  trx: Knex.Transaction,
  snapshotId: number,
  options: { keepComponentSnapshots: number; historyCutoff: Date },
) {
  // The newest published snapshots, and the newest of every other fingerprint among the recent ones:
  // during a rolling deploy (or right after a configuration change) a replica still running the other
  // version or configuration keeps a snapshot it may serve.
  const recent: Array<{ id: number; fingerprint: string | null }> = await trx('snapshots')
    .where({ status: 'complete' })
    .orderBy('id', 'desc')
    .limit(RECENT_FINGERPRINTS)
    .select('id', 'fingerprint');
  const keep = Math.max(1, options.keepComponentSnapshots);
  const kept = new Set(recent.slice(0, keep).map(r => Number(r.id)));
  const fingerprints = new Set(recent.slice(0, keep).map(r => r.fingerprint));
  for (const r of recent) {
    if (!fingerprints.has(r.fingerprint)) {
      fingerprints.add(r.fingerprint);
      kept.add(Number(r.id));
    }
  }
  const pruned = trx('snapshots').where('id', '<', snapshotId).whereNotIn('id', [...kept]).where({ rows_pruned: false });
  const ids = (await pruned.clone().pluck('id')).map(Number);
  for (const table of ['snapshot_components', 'snapshot_groups']) {
    await trx(table).whereIn('snapshot_id', ids).delete();
  }
  if (ids.length > 0) await trx('snapshots').whereIn('id', ids).update({ rows_pruned: true });
  const expired = await trx('snapshots')
    .where('created_at', '<', options.historyCutoff)
    .andWhere('id', '<', snapshotId)
    .pluck('id');
  if (expired.length > 0) await deleteSnapshots(trx, expired);
}

function toSnapshot(row: SnapshotRow): StoredSnapshot {
  return {
    id: Number(row.id),
    createdAt: toDate(row.created_at),
    durationMs: Number(row.duration_ms),
    componentCount: Number(row.component_count),
    currency: row.currency,
    ...(row.usage ? { usage: JSON.parse(row.usage) } : {}),
    ...(row.fingerprint ? { fingerprint: row.fingerprint } : {}),
  };
}

/** SQLite returns timestamps as epoch milliseconds or strings; PostgreSQL as Dates. */
function toDate(value: Date | string | number): Date {
  return value instanceof Date ? value : new Date(value);
}

function numberOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

function isSqlite(knex: Knex): boolean {
  const client = String(knex.client.config.client);
  return client === 'better-sqlite3' || client === 'sqlite3';
}
