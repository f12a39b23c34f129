/**
 * A deterministic synthetic catalog for benchmarks: N components (default 50,000), a group tree of about
 * 500 groups in four levels (organisation → divisions → departments → teams, each with `spec.parent` and
 * `spec.children`), 40 domains and 2,000 systems, as Backstage `Entity` objects in the shape the catalog
 * serves them (namespace, uid, and the `relations` the catalog's processors would add).
 *
 * Components are a realistic mix, drawn from archetypes like those of examples/catalog (steady internal
 * APIs, diurnal user-facing services, spiky webhook handlers, nightly batch jobs, edge workers, idle
 * over-provisioned services, hot I/O-bound functions, websocket gateways, in-memory-state services,
 * minimally annotated services) across all nine platforms; about 12 % carry no arch-tradeoffs annotations
 * (libraries, websites, unannotated services) and about 1.5 % carry one deliberate mistake (a
 * non-numeric value, an unknown platform, a misspelt key, a model contradicting the platform, ...).
 * Each component may depend on other components and resources, and provide and consume APIs.
 *
 * As a module: `generateCatalog({ components: 50_000, seed: 1 })`.
 * As a CLI (from plugins/arch-tradeoffs-backend):
 *   node --require @backstage/cli-node/config/nodeTransform.cjs bench/generateCatalog.ts \
 *     [--components 50000] [--seed 20261123] [--out catalog.yaml|catalog.json]
 * YAML output is one multi-document file (`---` between entities), loadable like examples/catalog.
 */
/* eslint-disable no-console */ // a CLI reports on the console
import type { Entity, EntityRelation } from '@backstage/catalog-model';
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { ANNOTATIONS, PLATFORMS } from '@arch-tradeoffs/plugin-arch-tradeoffs-common';

export interface GenerateOptions {
  /** Components to generate; default 50,000. */
  components?: number;
  /** Teams (leaf groups); default 460, which with the upper levels makes ~500 groups. */
  teams?: number;
  /** Systems; default 2,000. */
  systems?: number;
  /** Domains; default 40. */
  domains?: number;
  /** PRNG seed; the same seed always gives the same catalog. */
  seed?: number;
}

export interface GeneratedCatalog {
  /** Every entity: groups, domains, systems and components, in that order. */
  entities: Entity[];
  counts: {
    groups: number;
    teams: number;
    domains: number;
    systems: number;
    components: number;
    unannotated: number;
    malformed: number;
    byPlatform: Record<string, number>;
  };
}

export const DEFAULT_COMPONENTS = 50_000;
export const DEFAULT_SEED = 20261123;
const NAMESPACE = 'default';

/** mulberry32: small, fast, deterministic (the same generator as the common package's bench). */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];
const between = (random: Random, lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
/** Log-uniform between lo and hi: traffic spans orders of magnitude. */
const logUniform = (random: Random, lo: number, hi: number) =>
  Math.exp(Math.log(lo) + random() * (Math.log(hi) - Math.log(lo)));
/** A random choice weighted by the numbers. */
function weighted<T extends string>(random: Random, weights: Record<T, number>): T {
  const entries = Object.entries(weights) as Array<[T, number]>;
  let r = random() * entries.reduce((s, [, w]) => s + w, 0);
  for (const [key, w] of entries) {
    r -= w;
    if (r < 0) return key;
  }
  return entries[entries.length - 1][0];
}

const SECONDS_PER_MONTH = 730 * 3600; // 2,628,000: the engine's 730-hour month

const WORDS = [
  'account', 'address', 'alert', 'analytics', 'archive', 'asset', 'audit', 'auth', 'basket', 'billing',
  'booking', 'brand', 'campaign', 'card', 'cart', 'catalog', 'checkout', 'claim', 'content', 'contract',
  'coupon', 'credit', 'customer', 'delivery', 'device', 'discount', 'dispatch', 'document', 'event',
  'export', 'feed', 'fraud', 'fulfilment', 'gift', 'identity', 'import', 'inventory', 'invoice', 'ledger',
  'listing', 'loyalty', 'media', 'merchant', 'message', 'metric', 'notification', 'offer', 'order',
  'partner', 'payment', 'payout', 'pricing', 'product', 'profile', 'promotion', 'quote', 'rating',
  'receipt', 'refund', 'report', 'return', 'review', 'risk', 'route', 'schedule', 'search', 'session',
  'settlement', 'shipment', 'sku', 'stock', 'subscription', 'supplier', 'tax', 'ticket', 'token',
  'tracking', 'transfer', 'user', 'vendor', 'voucher', 'warehouse', 'wallet', 'webhook', 'wishlist',
];
const ROLES = [
  'service', 'api', 'worker', 'handler', 'job', 'processor', 'gateway', 'consumer', 'exporter', 'sync',
  'scheduler', 'resolver', 'indexer', 'router', 'notifier', 'bff',
];
const DIVISIONS = ['commerce', 'payments', 'platform', 'data', 'logistics', 'marketplace'];

/** What a component is, and so which annotations it carries. */
type Archetype =
  | 'steady-api'
  | 'diurnal-service'
  | 'spiky-handler'
  | 'batch-job'
  | 'edge-worker'
  | 'idle-service'
  | 'hot-function'
  | 'realtime-gateway'
  | 'stateful-service'
  | 'minimal'
  | 'unannotated'
  | 'library'
  | 'malformed';

const ARCHETYPE_WEIGHTS: Record<Archetype, number> = {
  'steady-api': 18,
  'diurnal-service': 20,
  'spiky-handler': 14,
  'batch-job': 9,
  'edge-worker': 4,
  'idle-service': 8,
  'hot-function': 4,
  'realtime-gateway': 2,
  'stateful-service': 2,
  minimal: 6.5,
  unannotated: 7,
  library: 5,
  malformed: 1.5,
};

const ALWAYS_ON = ['kubernetes', 'aws-fargate', 'aws-ec2', 'azure-container-apps', 'gcp-cloud-run'] as const;
const ON_DEMAND = ['aws-lambda', 'gcp-cloud-functions', 'azure-functions', 'gcp-cloud-run', 'azure-container-apps'] as const;
const EC2_TYPES = ['t4g.small', 't3.medium', 'm6i.large', 'm7g.large', 'c7g.large'];
const ON_DEMAND_RUNTIMES = ['nodejs', 'python', 'java', 'go', 'dotnet', 'ruby'];
const ALWAYS_ON_RUNTIMES = ['java', 'go', 'nodejs', 'python', 'dotnet', 'container', 'rust'];

function ref(kind: string, name: string) {
  return `${kind.toLocaleLowerCase('en-US')}:${NAMESPACE}/${name}`;
}

function metadata(random: Random, name: string, extra: Partial<Entity['metadata']> = {}): Entity['metadata'] {
  return {
    namespace: NAMESPACE,
    name,
    uid: uuid(random),
    etag: Math.floor(random() * 2 ** 32).toString(16).padStart(8, '0'),
    ...extra,
  };
}

function uuid(random: Random) {
  const hex = () => Math.floor(random() * 2 ** 32).toString(16).padStart(8, '0');
  const h = hex() + hex() + hex() + hex();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const title = (name: string) => name.split('-').map(w => w[0].toUpperCase() + w.slice(1)).join(' ');

/** The annotations of one component of the given archetype. */
function annotationsFor(random: Random, archetype: Archetype): Record<string, string> | undefined {
  const a: Record<string, string> = {};
  const set = (key: keyof typeof ANNOTATIONS, value: string | number) => {
    a[ANNOTATIONS[key]] = String(value);
  };
  const maybe = (p: number, key: keyof typeof ANNOTATIONS, value: () => string | number) => {
    if (random() < p) set(key, value());
  };
  const rpsToMonthly = (rps: number) => Math.max(1000, Math.round(rps * SECONDS_PER_MONTH / 1000) * 1000);
  const alwaysOn = (platform: string, rps: number) => {
    set('executionModel', random() < 0.1 ? 'microservice' : 'always-on');
    set('platform', platform);
    if (platform === 'aws-ec2') set('instanceType', pick(random, EC2_TYPES));
    else {
      maybe(0.8, 'vcpu', () => pick(random, [0.25, 0.5, 1, 2]));
      maybe(0.8, 'memoryMb', () => pick(random, [512, 1024, 2048, 4096]));
    }
    set('instances', between(random, 1, 4));
    maybe(0.5, 'maxInstances', () => between(random, 5, 40));
    set('monthlyRequests', rpsToMonthly(rps));
  };
  const onDemand = (platform: string, rps: number) => {
    set('executionModel', random() < 0.1 ? 'serverless' : 'on-demand');
    set('platform', platform);
    set('monthlyRequests', rpsToMonthly(rps));
    maybe(0.8, 'memoryMb', () => pick(random, [128, 256, 512, 1024, 1536, 2048]));
  };
  const common = () => {
    maybe(0.5, 'architecture', () => pick(random, ['x86_64', 'arm64']));
    maybe(0.5, 'latencySloMs', () => pick(random, [100, 200, 300, 500, 1000]));
    maybe(0.3, 'connections', () => 'request-response');
    maybe(0.3, 'state', () => 'stateless');
  };

  switch (archetype) {
    case 'unannotated':
    case 'library':
      return undefined;
    case 'steady-api': {
      const rps = logUniform(random, 2, 200);
      alwaysOn(pick(random, ALWAYS_ON), rps);
      const duration = logUniform(random, 5, 150);
      set('avgDurationMs', duration.toFixed(0));
      maybe(0.6, 'cpuMs', () => (duration * (0.2 + 0.7 * random())).toFixed(0));
      set('trafficPattern', 'steady');
      maybe(0.6, 'peakRps', () => Math.ceil(rps * 1.5));
      maybe(0.8, 'runtime', () => pick(random, ALWAYS_ON_RUNTIMES));
      common();
      break;
    }
    case 'diurnal-service': {
      const rps = logUniform(random, 1, 400);
      alwaysOn(pick(random, ALWAYS_ON), rps);
      const duration = logUniform(random, 10, 400);
      set('avgDurationMs', duration.toFixed(0));
      maybe(0.5, 'cpuMs', () => (duration * (0.1 + 0.6 * random())).toFixed(0));
      set('trafficPattern', 'diurnal');
      maybe(0.7, 'peakRps', () => Math.ceil(rps * 3));
      maybe(0.8, 'runtime', () => pick(random, ALWAYS_ON_RUNTIMES));
      common();
      break;
    }
    case 'spiky-handler': {
      const rps = logUniform(random, 0.001, 5);
      onDemand(pick(random, ON_DEMAND), rps);
      const duration = logUniform(random, 20, 2000);
      set('avgDurationMs', duration.toFixed(0));
      maybe(0.4, 'cpuMs', () => (duration * (0.1 + 0.5 * random())).toFixed(0));
      set('trafficPattern', 'spiky');
      maybe(0.7, 'peakRps', () => Math.ceil(rps * between(random, 10, 100)) + 1);
      maybe(0.5, 'maxDurationS', () => pick(random, [10, 30, 60]));
      maybe(0.9, 'runtime', () => pick(random, ON_DEMAND_RUNTIMES));
      common();
      break;
    }
    case 'batch-job': {
      const runs = pick(random, [30, 120, 730, 3000, 30000]);
      const platform = pick(random, ['aws-lambda', 'gcp-cloud-functions', 'azure-functions', 'aws-fargate', 'kubernetes']);
      if (ALWAYS_ON.includes(platform as any)) {
        set('executionModel', 'always-on');
        set('platform', platform);
        set('instances', 1);
      } else {
        set('executionModel', 'on-demand');
        set('platform', platform);
      }
      set('monthlyRequests', runs);
      const seconds = logUniform(random, 5, 1500); // some exceed FaaS timeouts: infeasible on-demand
      set('avgDurationMs', Math.round(seconds * 1000));
      set('maxDurationS', Math.round(seconds * (1.2 + random())));
      set('trafficPattern', 'batch');
      maybe(0.8, 'memoryMb', () => pick(random, [512, 1024, 2048, 3008]));
      maybe(0.9, 'runtime', () => pick(random, ['python', 'java', 'go', 'nodejs']));
      break;
    }
    case 'edge-worker': {
      set('platform', 'cloudflare-workers');
      maybe(0.5, 'executionModel', () => 'on-demand');
      set('monthlyRequests', rpsToMonthly(logUniform(random, 0.5, 2000)));
      set('avgDurationMs', between(random, 2, 40));
      set('cpuMs', between(random, 1, 8));
      set('memoryMb', 128);
      maybe(0.7, 'trafficPattern', () => pick(random, ['steady', 'diurnal', 'spiky']));
      set('runtime', pick(random, ['nodejs', 'rust']));
      break;
    }
    case 'idle-service': {
      // Over-provisioned always-on services with almost no traffic: the idle → on-demand suggestion.
      alwaysOn(pick(random, ALWAYS_ON), logUniform(random, 0.001, 0.1));
      set('avgDurationMs', between(random, 20, 300));
      set('trafficPattern', pick(random, ['steady', 'diurnal', 'spiky']));
      maybe(0.7, 'runtime', () => pick(random, ALWAYS_ON_RUNTIMES));
      common();
      break;
    }
    case 'hot-function': {
      // High-volume I/O-bound functions: the on-demand → always-on suggestion.
      const rps = logUniform(random, 50, 400);
      onDemand(pick(random, ['aws-lambda', 'gcp-cloud-functions', 'azure-functions', 'gcp-cloud-run']), rps);
      const duration = logUniform(random, 60, 300);
      set('avgDurationMs', duration.toFixed(0));
      set('cpuMs', (duration * (0.05 + 0.2 * random())).toFixed(0));
      set('trafficPattern', 'steady');
      set('peakRps', Math.ceil(rps * 1.4));
      maybe(0.5, 'instances', () => between(random, 0, 10)); // provisioned concurrency / min instances
      set('runtime', pick(random, ON_DEMAND_RUNTIMES));
      common();
      break;
    }
    case 'realtime-gateway': {
      alwaysOn(pick(random, ['kubernetes', 'aws-fargate', 'aws-ec2']), logUniform(random, 5, 100));
      set('avgDurationMs', between(random, 60_000, 4 * 3600_000));
      set('connections', 'long-lived');
      set('maxDurationS', 4 * 3600);
      set('trafficPattern', 'diurnal');
      set('runtime', pick(random, ['go', 'nodejs', 'java']));
      break;
    }
    case 'stateful-service': {
      alwaysOn(pick(random, ['kubernetes', 'aws-ec2', 'aws-fargate']), logUniform(random, 5, 300));
      set('avgDurationMs', between(random, 2, 40));
      set('state', 'in-memory');
      set('trafficPattern', pick(random, ['steady', 'diurnal']));
      set('runtime', pick(random, ['go', 'java', 'rust']));
      break;
    }
    case 'minimal': {
      // Model + platform + volume only: a long assumption list.
      const platform = pick(random, PLATFORMS);
      const m = (ALWAYS_ON as readonly string[]).includes(platform) && platform !== 'gcp-cloud-run' && platform !== 'azure-container-apps';
      maybe(0.6, 'executionModel', () => (m ? 'always-on' : 'on-demand'));
      set('platform', platform);
      maybe(0.8, 'monthlyRequests', () => rpsToMonthly(logUniform(random, 0.01, 50)));
      break;
    }
    case 'malformed':
      return malformed(random);
    default:
      throw new Error(`Unknown archetype ${archetype}`);
  }
  return a;
}

/** One component with one deliberate mistake, like examples/catalog/components/malformed-examples.yaml. */
function malformed(random: Random): Record<string, string> {
  const a: Record<string, string> = {
    [ANNOTATIONS.executionModel]: 'always-on',
    [ANNOTATIONS.platform]: 'kubernetes',
    [ANNOTATIONS.monthlyRequests]: '5000000',
    [ANNOTATIONS.avgDurationMs]: '40',
    [ANNOTATIONS.instances]: '2',
  };
  switch (between(random, 0, 6)) {
    case 0:
      a[ANNOTATIONS.monthlyRequests] = 'lots';
      break;
    case 1: // model contradicts the platform
      a[ANNOTATIONS.executionModel] = 'on-demand';
      a[ANNOTATIONS.platform] = 'aws-ec2';
      a[ANNOTATIONS.instanceType] = 't3.medium';
      break;
    case 2:
      a[ANNOTATIONS.platform] = pick(random, ['heroku', 'openshift', 'aws-lamda']);
      break;
    case 3:
      a[ANNOTATIONS.platform] = 'aws-fargate';
      a[ANNOTATIONS.memoryMb] = '-512';
      break;
    case 4:
      a[ANNOTATIONS.instances] = '4';
      a[ANNOTATIONS.maxInstances] = '2';
      break;
    case 5: // misspelt key and unknown traffic pattern
      delete a[ANNOTATIONS.monthlyRequests];
      a['arch-tradeoffs.io/montly-requests'] = '1500000';
      a[ANNOTATIONS.executionModel] = 'on-demand';
      a[ANNOTATIONS.platform] = 'azure-functions';
      a[ANNOTATIONS.trafficPattern] = 'bursty';
      delete a[ANNOTATIONS.instances];
      break;
    default: // both model and platform unusable: not assessable at all
      a[ANNOTATIONS.executionModel] = 'sometimes';
      a[ANNOTATIONS.platform] = 'mainframe';
      break;
  }
  return a;
}

export function generateCatalog(options: GenerateOptions = {}): GeneratedCatalog {
  const componentCount = options.components ?? DEFAULT_COMPONENTS;
  const teamCount = options.teams ?? 460;
  const systemCount = options.systems ?? 2000;
  const domainCount = options.domains ?? 40;
  const random = prng(options.seed ?? DEFAULT_SEED);
  const groups: Entity[] = [];
  const relations = new Map<Entity, EntityRelation[]>();
  const relate = (entity: Entity, type: string, targetRef: string) => {
    let list = relations.get(entity);
    if (!list) relations.set(entity, (list = []));
    list.push({ type, targetRef });
  };

  // ---- groups: organisation → 6 divisions → 36 departments → teams
  const group = (name: string, type: string, parent?: Entity): Entity => {
    const entity: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: metadata(random, name, { description: `${title(name)} (${type}).` }),
      spec: {
        type,
        profile: { displayName: title(name), email: `${name}@acme.example` },
        ...(parent ? { parent: parent.metadata.name } : {}),
        children: [] as string[],
      },
    };
    if (parent) {
      (parent.spec!.children as string[]).push(name);
      relate(entity, 'childOf', ref('group', parent.metadata.name));
      relate(parent, 'parentOf', ref('group', name));
    }
    groups.push(entity);
    return entity;
  };
  const org = group('acme', 'organization');
  const departments: Entity[] = [];
  for (const division of DIVISIONS) {
    const d = group(`${division}-engineering`, 'division', org);
    for (let i = 0; i < 6; i++) departments.push(group(`${division}-dept-${i + 1}`, 'department', d));
  }
  const teams: Entity[] = [];
  for (let i = 0; i < teamCount; i++) {
    const department = departments[i % departments.length];
    teams.push(group(`${pick(random, WORDS)}-team-${i + 1}`, 'team', department));
  }

  // ---- domains, owned by departments; systems in domains, owned by teams of that department
  const domains: Entity[] = [];
  for (let i = 0; i < domainCount; i++) {
    const owner = departments[i % departments.length];
    const name = `${pick(random, WORDS)}-domain-${i + 1}`;
    const domain: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Domain',
      metadata: metadata(random, name, { description: `The ${title(name)} business domain.` }),
      spec: { owner: owner.metadata.name },
    };
    relate(domain, 'ownedBy', ref('group', owner.metadata.name));
    domains.push(domain);
  }
  const teamsOf = new Map<Entity, Entity[]>();
  for (const team of teams) {
    const department = departments.find(d => d.metadata.name === team.spec!.parent)!;
    teamsOf.set(department, [...(teamsOf.get(department) ?? []), team]);
  }
  const systems: Entity[] = [];
  for (let i = 0; i < systemCount; i++) {
    const domain = domains[i % domains.length];
    const department = departments.find(d => d.metadata.name === domain.spec!.owner)!;
    const owner = pick(random, teamsOf.get(department) ?? teams);
    const name = `${pick(random, WORDS)}-${pick(random, WORDS)}-sys-${i + 1}`;
    const system: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: metadata(random, name, { description: `${title(name)}.` }),
      spec: { owner: owner.metadata.name, domain: domain.metadata.name },
    };
    relate(system, 'ownedBy', ref('group', owner.metadata.name));
    relate(system, 'partOf', ref('domain', domain.metadata.name));
    systems.push(system);
  }

  // ---- components
  const components: Entity[] = [];
  const byPlatform: Record<string, number> = {};
  let unannotated = 0;
  let malformedCount = 0;
  for (let i = 0; i < componentCount; i++) {
    const system = systems[Math.floor(random() * systems.length)];
    // Mostly owned by the system's team; some by another team (shared systems).
    const owner = random() < 0.85 ? (system.spec!.owner as string) : pick(random, teams).metadata.name;
    const archetype = weighted(random, ARCHETYPE_WEIGHTS);
    const annotations = annotationsFor(random, archetype);
    const name = `${pick(random, WORDS)}-${pick(random, ROLES)}-${i + 1}`;
    let type = 'service';
    if (archetype === 'library') type = 'library';
    else if (archetype === 'unannotated' && random() < 0.4) type = 'website';
    const dependsOn: string[] = [];
    const providesApis: string[] = [];
    const consumesApis: string[] = [];
    if (type !== 'library') {
      for (let d = between(random, 0, 4); d > 0; d--) {
        // Dependencies among earlier components keep refs valid; some on resources.
        dependsOn.push(
          random() < 0.3 || i === 0
            ? `resource:${NAMESPACE}/${pick(random, WORDS)}-db-${between(random, 1, 3000)}`
            : `component:${NAMESPACE}/${components[Math.floor(random() * components.length)].metadata.name}`,
        );
      }
      for (let p = between(random, 0, 2); p > 0; p--) providesApis.push(`${name}-api${p > 1 ? `-v${p}` : ''}`);
      for (let c = between(random, 0, 3); c > 0; c--) consumesApis.push(`${pick(random, WORDS)}-api-${between(random, 1, 20000)}`);
    }
    const entity: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: metadata(random, name, {
        ...(random() < 0.3 ? { title: title(name) } : {}),
        description: `${title(name)} of ${system.metadata.name} (${archetype}).`,
        ...(annotations ? { annotations: { 'backstage.io/source-location': `url:https://git.acme.example/${name}`, ...annotations } } : {}),
        tags: [pick(random, ['java', 'go', 'nodejs', 'python', 'rust']), archetype],
      }),
      spec: {
        type,
        lifecycle: pick(random, ['production', 'production', 'production', 'experimental', 'deprecated']),
        owner,
        system: system.metadata.name,
        ...(dependsOn.length ? { dependsOn } : {}),
        ...(providesApis.length ? { providesApis } : {}),
        ...(consumesApis.length ? { consumesApis } : {}),
      },
    };
    relate(entity, 'ownedBy', ref('group', owner));
    relate(entity, 'partOf', ref('system', system.metadata.name));
    for (const target of dependsOn) relate(entity, 'dependsOn', target);
    for (const api of providesApis) relate(entity, 'providesApi', ref('api', api));
    for (const api of consumesApis) relate(entity, 'consumesApi', ref('api', api));
    components.push(entity);

    if (!annotations) unannotated++;
    else {
      if (archetype === 'malformed') malformedCount++;
      const platform = annotations[ANNOTATIONS.platform];
      byPlatform[platform] = (byPlatform[platform] ?? 0) + 1;
    }
  }

  const entities = [...groups, ...domains, ...systems, ...components];
  for (const entity of entities) {
    const list = relations.get(entity);
    if (list) entity.relations = list;
  }
  return {
    entities,
    counts: {
      groups: groups.length,
      teams: teams.length,
      domains: domains.length,
      systems: systems.length,
      components: components.length,
      unannotated,
      malformed: malformedCount,
      byPlatform,
    },
  };
}

function parseArgs(argv: string[]) {
  const args: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new Error(`Unexpected argument ${arg}`);
    const [key, inline] = arg.slice(2).split('=', 2);
    args[key] = inline ?? argv[++i];
  }
  return args;
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const out = args.out ?? 'synthetic-catalog.yaml';
  const t0 = Date.now();
  const { entities, counts } = generateCatalog({
    components: args.components ? Number(args.components) : undefined,
    seed: args.seed ? Number(args.seed) : undefined,
  });
  const stream = fs.createWriteStream(path.resolve(out));
  if (out.endsWith('.json')) {
    // One entity per line inside an array: streamable, no one giant string.
    stream.write('[\n');
    entities.forEach((e, i) => stream.write(`${JSON.stringify(e)}${i < entities.length - 1 ? ',' : ''}\n`));
    stream.write(']\n');
  } else {
    stream.write('# Synthetic catalog from bench/generateCatalog.ts; do not edit.\n');
    for (const e of entities) stream.write(`---\n${yaml.dump(e, { lineWidth: -1, noRefs: true })}`);
  }
  stream.end(() => {
    console.log(`wrote ${entities.length} entities to ${out} in ${Date.now() - t0} ms`);
    console.log(JSON.stringify(counts, null, 2));
  });
}

if (require.main === module) {
  main();
}
