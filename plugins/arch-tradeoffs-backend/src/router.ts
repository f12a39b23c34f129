import type { HttpAuthService, LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import {
  ANNOTATION_PREFIX,
  ANNOTATIONS,
  Assessor,
  ComponentsResponse,
  parseArchAnnotations,
  ParseOptions,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import type { ComponentReader } from './services/ComponentReader';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  components: ComponentReader;
  assess: Assessor;
  parseOptions: ParseOptions;
  logger: LoggerService;
}

const estimateBody = z
  .object({
    annotations: z.record(z.string(), z.string()),
    /** Optional name for the what-if, used in the suggestion id. */
    entityRef: z.string().min(1).optional(),
  })
  .strict();

const componentsQuery = z
  .object({
    owner: z.string().min(1).optional(),
    system: z.string().min(1).optional(),
    domain: z.string().min(1).optional(),
    model: z.enum(['always-on', 'on-demand', 'unannotated']).optional(),
    platform: z.string().min(1).optional(),
  })
  .strict();

/** HTTP only: validate, authenticate, call the service layer, shape the response. */
export async function createRouter(options: RouterOptions): Promise<express.Router> {
  const { httpAuth, components, assess, parseOptions } = options;
  const router = Router();
  router.use(express.json({ limit: '100kb' }));

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/v1/components', async (req, res) => {
    const query = parse(componentsQuery, req.query);
    const credentials = await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const items = await components.readComponents(credentials, query);
    const body: ComponentsResponse = {
      items,
      totalCount: items.length,
      generatedAt: new Date().toISOString(),
    };
    res.json(body);
  });

  router.post('/v1/estimate', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
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

  return router;
}

/** Turns a zod failure into a 400 whose message names the offending field. */
export function parse<T>(schema: z.ZodType<T>, input: unknown): T {
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
