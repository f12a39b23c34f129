import type {
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import {
  ANNOTATION_PREFIX,
  ANNOTATIONS,
  archTradeoffsDecidePermission,
  Assessor,
  parseArchAnnotations,
  ParseOptions,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import type { ArchTradeoffsService } from './services/ArchTradeoffsService';
import {
  componentsCsv,
  scorecardsCsv,
  suggestionsCsv,
} from './services/exports';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  service: ArchTradeoffsService;
  assess: Assessor;
  parseOptions: ParseOptions;
  logger: LoggerService;
}

/** Full records per page unless asked otherwise; the map asks for `view=summary&limit=all`. */
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

const estimateBody = z
  .object({
    annotations: z.record(z.string(), z.string()),
    /** Optional name for the what-if, used in the suggestion id. */
    entityRef: z.string().min(1).optional(),
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
    model: z.enum(['always-on', 'on-demand', 'unannotated']).optional(),
    platform: z.string().min(1).optional(),
    view: z.enum(['full', 'summary']).default('full'),
    offset: z.coerce.number().int().min(0).default(0),
    limit: z.union([z.literal('all'), z.coerce.number().int().min(1).max(MAX_LIMIT)]).optional(),
    format,
  })
  .strict();

const suggestionsQuery = z
  .object({
    owner: ref('group').optional(),
    status: z.enum(['open', 'accepted', 'dismissed', 'snoozed']).optional(),
    // Every suggestion unless a page is asked for: the CSV export takes them all, the planner pages.
    offset: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(MAX_LIMIT).optional(),
    format,
  })
  .strict();

const historyQuery = z
  .object({ group: ref('group').optional(), entityRef: ref('component').optional() })
  .strict()
  .refine(q => !(q.group && q.entityRef), { message: 'give group or entityRef, not both', path: ['group'] });

const decisionBody = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('accepted'), reason: z.string().max(2000).optional() }).strict(),
  z
    .object({ decision: z.literal('dismissed'), reason: z.string().trim().min(1, 'a reason is required to dismiss').max(2000) })
    .strict(),
  z
    .object({
      decision: z.literal('snoozed'),
      snoozeUntil: z.string().datetime({ offset: true }).or(z.string().date()),
      reason: z.string().max(2000).optional(),
    })
    .strict(),
]);

/** HTTP only: validate, authenticate, authorise, call the service layer, shape the response. */
export async function createRouter(options: RouterOptions): Promise<express.Router> {
  const { httpAuth, permissions, service, assess, parseOptions } = options;
  const router = Router();
  router.use(express.json({ limit: '100kb' }));
  const anyone = (req: express.Request) => httpAuth.credentials(req, { allow: ['user', 'service'] });

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/v1/components', async (req, res) => {
    const query = parse(componentsQuery, req.query);
    await anyone(req);
    const { view, offset, format: as, owner, system, domain, model, platform } = query;
    const filter = { owner, system, domain, model, platform };
    // CSV exports every match unless a page is asked for; JSON pages by default.
    let limit: number | undefined = query.limit === 'all' ? undefined : query.limit;
    if (query.limit === undefined && as === 'json') limit = DEFAULT_LIMIT;
    if (view === 'summary') {
      const { head, tail } = await service.summariesBody(filter, { offset, limit });
      res.type('application/json').vary('Accept-Encoding');
      if (req.acceptsEncodings('gzip')) {
        // Already compressed: the backend's compression middleware leaves an encoded body alone.
        res.set('Content-Encoding', 'gzip').send(head.gzip(tail));
      } else {
        res.send(head.text(tail));
      }
      return;
    }
    const page = await service.components(filter, { offset, limit });
    if (as === 'csv') {
      sendCsv(res, 'arch-tradeoffs-components.csv', componentsCsv(page.items));
      return;
    }
    res.json(page);
  });

  router.get('/v1/components/:namespace/:kind/:name', async (req, res) => {
    await anyone(req);
    const { namespace, kind, name } = req.params;
    res.json(await service.component(stringifyEntityRef({ kind, namespace, name })));
  });

  router.post('/v1/estimate', async (req, res) => {
    await anyone(req);
    const body = parse(estimateBody, req.body);
    const parsed = parseArchAnnotations(body.annotations, parseOptions);
    if (!parsed.assessable) {
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
    res.json(assess(body.entityRef ?? 'component:default/what-if', parsed));
  });

  router.get('/v1/scorecards', async (req, res) => {
    const query = parse(z.object({ format }).strict(), req.query);
    await anyone(req);
    const scorecards = await service.scorecards();
    if (query.format === 'csv') {
      sendCsv(res, 'arch-tradeoffs-scorecards.csv', scorecardsCsv(scorecards.items));
      return;
    }
    res.json(scorecards);
  });

  router.get('/v1/scorecards/:namespace/:name', async (req, res) => {
    await anyone(req);
    const { namespace, name } = req.params;
    res.json(await service.scorecard(stringifyEntityRef({ kind: 'group', namespace, name })));
  });

  router.get('/v1/suggestions', async (req, res) => {
    const query = parse(suggestionsQuery, req.query);
    await anyone(req);
    const { owner, status, offset, limit } = query;
    const filter = { owner, status, ...(limit || offset ? { page: { offset, limit } } : {}) };
    if (query.format === 'csv') {
      sendCsv(res, 'arch-tradeoffs-suggestions.csv', suggestionsCsv((await service.suggestions(filter)).items));
      return;
    }
    res.type('application/json').send(await service.suggestionsJson(filter));
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
    res.json(await service.decide(req.params.id, body, credentials.principal.userEntityRef));
  });

  router.get('/v1/history', async (req, res) => {
    const query = parse(historyQuery, req.query);
    await anyone(req);
    res.json(await service.history(query));
  });

  return router;
}

function sendCsv(res: express.Response, filename: string, csv: string) {
  res
    .status(200)
    .type('text/csv; charset=utf-8')
    .setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  res.send(csv);
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
