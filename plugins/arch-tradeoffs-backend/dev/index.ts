/*
 * A real Backstage backend for local use (`npm start` runs it on :7007): the catalog reading
 * examples/catalog, guest sign-in, an allow-all permission policy and this plugin. The database is
 * SQLite files in .data/ (see app-config.yaml) unless app-config says otherwise.
 */
import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(import('@backstage/plugin-permission-backend-module-allow-all-policy'));
backend.add(import('../src'));
backend.start();
