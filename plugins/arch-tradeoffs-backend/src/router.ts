import type {
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createHash } from 'node:crypto';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import {
  ANNOTATION_PREFIX,
  ANNOTATIONS,
  archTradeoffsDecidePermission,
  estimateWhatIf,
  WhatIfOptions,
  PLATFORMS,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import type { ArchTradeoffsService } from './services/ArchTradeoffsService';
import { OneAtATime } from './services/OneAtATime';
import { CachedBody, ResponseCache } from './services/ResponseCache';
import type { SnapshotView } from './services/SnapshotView';
import {
  componentsCsv,
  scorecardsCsv,
  suggestionsCsv,
} from './services/exports';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  service: ArchTradeoffsService;
  /** What `POST /v1/estimate` computes with: the same function and configuration as the browser's what-if. */
  whatIf: WhatIfOptions;
  logger: LoggerService;
}

/** Records and suggestions per page unless asked otherwise; the map asks for `view=summary&limit=all`. */
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;
const JSON_TYPE = 'application/json';
const CSV = 'text/csv; charset=utf-8';
/**
 * Compressed responses kept for the latest snapshot: the whole map is 2.5 MB of gzip at 50,000
 * components, a page of 100 full records about 100 KB.
 */
const RESPONSE_CACHE_BYTES = 32 * 1024 * 1024;

const estimateBody = z
  .object({
    annotations: z.record(z.string(), z.string()),
    /** Optional name for the what-if, used in the suggestion id. */
    entityRef: z.string().min(1).max(300).optional(),
  })
  .strict();

const format = z.enum(['json', 'csv']).default('json');

/** An entity ref, shorthand allowed (`payments-team`), normalised to `kind:namespace/name`. */
const ref = (defaultKind: string) =>
  z
    .string()
    .min(1)
    .transform((value, ctx) => {
      try {
        return stringifyEntityRef(parseEntityRef(value, { defaultKind, defaultNamespace: 'default' }));
      } catch {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `"${value}" is not an entity reference` });
        return z.NEVER;
      }
    });

const componentsQuery = z
  .object({
    owner: ref('group').optional(),
    system: ref('system').optional(),
    domain: ref('domain').optional(),
    model: z.enum(['always-on', 'on-demand', 'unannotated', 'not-applicable']).optional(),
    platform: z.enum(PLATFORMS).optional(),
    /** Workloads whose traffic was measured, or estimated (stated, inferred or defaulted). */
    input: z.enum(['measured', 'estimated']).optional(),
    /**
     * `full`: records with assessments; `annotations`: the same records without the assessment (what
     * the Components tab lists); `summary`: the map's compact form.
     */
    view: z.enum(['full', 'annotations', 'summary']).default('full'),
    offset: z.coerce.number().int().min(0).default(0),
    limit: z.union([z.literal('all'), z.coerce.number().int().min(1).max(MAX_LIMIT)]).optional(),
    format,
  })
  .strict();

const suggestionsQuery = z
  .object({
    owner: ref('group').optional(),
    status: z.enum(['open', 'accepted', 'dismissed', 'snoozed']).optional(),
    // A page of DEFAULT_LIMIT unless asked otherwise (`limit=all` for every match); the CSV export
    // takes every match unless a page is asked for.
    offset: z.coerce.number().int().min(0).default(0),
    limit: z.union([z.literal('all'), z.coerce.number().int().min(1).max(MAX_LIMIT)]).optional(),
    format,
  })
  .strict();

const historyQuery = z
  .object({ group: ref('group').optional(), entityRef: ref('component').optional() })
  .strict()
  .refine(q => !(q.group && q.entityRef), { message: 'give group or entityRef, not both', path: ['group'] });

/**
 * A calendar date (`2027-01-31`) or an RFC 3339 timestamp with an offset. The patterns alone accept
 * offsets such as `+99:99` that no clock has, so the value must also parse to an instant.
 */
const instant = z
  .string()
  .max(40)
  .refine(
    value =>
      (z.string().date().safeParse(value).success ||
        z.string().datetime({ offset: true }).safeParse(value).success) &&
      Number.isFinite(Date.parse(value)),
    { message: 'must be a calendar date (YYYY-MM-DD) or an RFC 3339 timestamp such as 2027-01-31T09:00:00Z' },
  );

/** Reasons are trimmed here, so that what is stored, shown and exported is the same text. */
const reason = z.string().trim().max(2000);

const decisionBody = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('accepted'), reason: reason.optional() }).strict(),
  z.object({ decision: z.literal('dismissed'), reason: reason.min(1, 'a reason is required to dismiss') }).strict(),
  z.object({ decision: z.literal('snoozed'), snoozeUntil: instant, reason: reason.optional() }).strict(),
]);

/** HTTP only: validate, authenticate, authorise, call the service layer, shape the response. */
export async function createRouter(options: RouterOptions): Promise<express.Router> {
  const { httpAuth, permissions, service, whatIf } = options;
  const router = Router();
  const cache = new ResponseCache(RESPONSE_CACHE_BYTES);
  router.use(express.json({ limit: '100kb' }));
  /**
   * Component exports run one after another: each prices every component it lists (seconds at 50,000
   * components), and several at once would share the event loop out among them, slowing every other
   * request with each one added.
   */
  const exportQueue = new OneAtATime();
  /** Every read answers with what its caller may read: users and other plugins alike. */
  const viewFor = async (req: express.Request) =>
    service.view(await httpAuth.credentials(req, { allow: ['user', 'service'] }));

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/v1/components', async (req, res) => {
    const query = parse(componentsQuery, req.query);
    const view = await viewFor(req);
    const { view: shape, offset, format: as, owner, system, domain, model, platform, input } = query;
    const filter = { owner, system, domain, model, platform, input };
    // CSV exports every match unless a page is asked for; JSON pages by default.
    let limit: number | undefined = query.limit === 'all' ? undefined : query.limit;
    if (query.limit === undefined && as === 'json') limit = DEFAULT_LIMIT;
    const page = { offset, limit };
    const key = JSON.stringify(['components', shape, as, filter, page]);
    if (as === 'csv') {
      res.setHeader('Content-Disposition', 'attachment; filename="arch-tradeoffs-components.csv"');
      await sendCached(req, res, cache, view, key, CSV, async () =>
        exportQueue.run(() => componentsCsv(view.recordChunks(filter, page))),
      );
      return;
    }
    await sendCached(req, res, cache, view, key, JSON_TYPE, async () =>
      JSON.stringify(
        shape === 'summary'
          ? view.summaries(filter, page)
          : await view.components(filter, page, { assessments: shape === 'full' }),
      ),
    );
  });

  router.get('/v1/components/:namespace/:kind/:name', async (req, res) => {
    const view = await viewFor(req);
    const { namespace, kind, name } = req.params;
    res.json(await view.component(stringifyEntityRef({ kind, namespace, name })));
  });

  router.post('/v1/estimate', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const body = parse(estimateBody, req.body);
    const { parsed, assessment } = estimateWhatIf(
      { entityRef: body.entityRef, annotations: body.annotations },
      whatIf,
    );
    if (!assessment) {
      // Name the field the caller must fix: a malformed model/platform, or neither given.
      const bad = parsed.diagnostics.find(
        d => d.annotation === ANNOTATIONS.platform || d.annotation === ANNOTATIONS.executionModel,
      );
      throw new InputError(
        bad && bad.value !== undefined
          ? `Invalid 'annotations.${bad.annotation}': "${bad.value}" ${bad.message}`
          : `Invalid 'annotations': give ${ANNOTATIONS.executionModel} or ${ANNOTATIONS.platform} (keys start with ${ANNOTATION_PREFIX})`,
      );
    }
    res.json(assessment);
  });

  router.get('/v1/scorecards', async (req, res) => {
    const query = parse(z.object({ format }).strict(), req.query);
    const view = await viewFor(req);
    // Scores count open suggestions: the decisions are part of what the response depends on.
    const key = JSON.stringify(['scorecards', query.format, await view.decisionsVersion()]);
    if (query.format === 'csv') {
      res.setHeader('Content-Disposition', 'attachment; filename="arch-tradeoffs-scorecards.csv"');
      await sendCached(req, res, cache, view, key, CSV, async () => scorecardsCsv((await view.scorecards()).items));
      return;
    }
    await sendCached(req, res, cache, view, key, JSON_TYPE, async () => JSON.stringify(await view.scorecards()));
  });

  router.get('/v1/scorecards/:namespace/:name', async (req, res) => {
    const view = await viewFor(req);
    const { namespace, name } = req.params;
    res.json(await view.scorecard(stringifyEntityRef({ kind: 'group', namespace, name })));
  });

  router.get('/v1/suggestions', async (req, res) => {
    const query = parse(suggestionsQuery, req.query);
    const view = await viewFor(req);
    const { owner, status, offset } = query;
    let limit = query.limit === 'all' ? undefined : query.limit;
    if (query.limit === undefined && query.format === 'json') limit = DEFAULT_LIMIT;
    const filter = { owner, status, ...(limit || offset ? { page: { offset, limit } } : {}) };
    const key = JSON.stringify(['suggestions', query, await view.decisionsVersion()]);
    if (query.format === 'csv') {
      res.setHeader('Content-Disposition', 'attachment; filename="arch-tradeoffs-suggestions.csv"');
      await sendCached(req, res, cache, view, key, CSV, async () => suggestionsCsv((await view.suggestions(filter)).items));
      return;
    }
    await sendCached(req, res, cache, view, key, JSON_TYPE, () => view.suggestionsJson(filter));
  });

  router.post('/v1/suggestions/:id/decision', async (req, res) => {
    // Decisions are a person's: service tokens may read, not decide.
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const [decision] = await permissions.authorize(
      [{ permission: archTradeoffsDecidePermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`Not allowed to decide on suggestions (${archTradeoffsDecidePermission.name})`);
    }
    const body = parse(decisionBody, req.body);
    // The service also checks that the caller may read the suggestion's component.
    res.json(await service.decide(req.params.id, body, credentials));
  });

  router.get('/v1/history', async (req, res) => {
    const query = parse(historyQuery, req.query);
    res.json(await (await viewFor(req)).history(query));
  });

  return router;
}

/**
 * Sends a response that depends only on the caller's view of the snapshot and on `key` (the query, and
 * the decisions where the response joins them): computed once per (view version, key) and kept, with an
 * ETag so that a client holding it gets a 304. `private`: it is one caller's view, never for a shared
 * cache.
 */
async function sendCached(
  req: express.Request,
  res: express.Response,
  cache: ResponseCache,
  view: SnapshotView,
  key: string,
  type: string,
  produce: () => Promise<string>,
) {
  const gzip = Boolean(req.acceptsEncodings('gzip'));
  // Each encoding is its own representation, with its own tag (RFC 9110 §8.8.3).
  const tag = createHash('sha256').update(`${view.version}|${key}`).digest('base64url').slice(0, 27);
  const etag = `"${tag}${gzip ? '-gzip' : ''}"`;
  res.type(type).set({ ETag: etag, 'Cache-Control': 'private, no-cache' }).vary('Accept-Encoding');
  if (req.fresh) {
    res.status(304).end();
    return;
  }
  const cached: CachedBody = await cache.get(view.snapshot.id, tag, produce);
  if (gzip) {
    // Already compressed: the backend's compression middleware leaves an encoded body alone.
    res.set('Content-Encoding', 'gzip').send(cached.gzipped);
  } else {
    res.send(await cached.plain());
  }
}

/** Turns a zod failure into a 400 whose message names the offending field. */
export function parse<S extends z.ZodTypeAny>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue.path.length > 0 ? issue.path.join('.') : undefined;
    const unknownKeys =
      issue.code === 'unrecognized_keys' ? ` ${issue.keys.join(', ')}` : '';
    throw new InputError(
      field
        ? `Invalid '${field}': ${issue.message}`
        : `Invalid request: ${issue.message}${unknownKeys}`,
    );
  }
  return result.data;
}
