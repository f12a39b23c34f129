/**
 * Shared by the arch-tradeoffs frontend and backend: the annotation contract, its parser, the wire
 * types, permissions, and the pure cost / scaling-posture engine, so the browser's what-if and the
 * backend compute the same numbers.
 *
 * @packageDocumentation
 */
export * from './annotations';
export * from './model/settings';
export * from './model/assessment';
export * from './model/defaults';
export * from './model/usage';
export * from './usage/labelMatchers';
export * from './usage/inputSources';
export * from './model/platforms';
export * from './parse/parseAnnotations';
export * from './infer/catalogInference';
export * from './api/types';
export * from './permissions';
export * from './prices';
export * from './engine';
export * from './config';
