/**
 * The backend's side of the bench catalog (see catalogProcess.ts): a `CatalogService` whose
 * `queryEntities` asks the catalog process for a page and parses the JSON it sends back.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Entity } from '@backstage/catalog-model';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { catalogServiceRef, type CatalogService } from '@backstage/plugin-catalog-node';
import type { CatalogReady, CatalogReply } from './catalogProcess';

type Page = { items: Entity[]; totalItems: number; pageInfo: { nextCursor?: string; prevCursor?: string } };

export class RemoteCatalog {
  /** Pages served; time this process spent parsing them; time the catalog process spent serving them. */
  readonly stats = { pages: 0, parseMs: 0, serveMs: 0 };
  private nextId = 0;
  private readonly pending = new Map<number, { resolve(page: Page): void; reject(error: Error): void }>();

  private constructor(private readonly child: ChildProcess, readonly ready: CatalogReady) {
    child.on('message', (reply: CatalogReply) => {
      const waiting = this.pending.get(reply?.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if ('error' in reply) {
        waiting.reject(new Error(`catalog process: ${reply.error}`));
        return;
      }
      const started = performance.now();
      const page: Page = JSON.parse(reply.json);
      this.stats.pages++;
      this.stats.serveMs += reply.ms;
      this.stats.parseMs += performance.now() - started;
      waiting.resolve(page);
    });
  }

  /** Forks the catalog process (with this process's flags, so the TypeScript transform too) and waits for its catalog. */
  static start(options: { components: number; verify: boolean }): Promise<RemoteCatalog> {
    const child = fork(path.join(__dirname, 'catalogProcess.ts'), [JSON.stringify(options)], {
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new Promise((resolve, reject) => {
      // Other messages may come first: Backstage's TypeScript transform reports watched files over IPC.
      const onMessage = (message: CatalogReady | { type?: string }) => {
        if (message?.type !== 'ready') return;
        child.off('message', onMessage);
        resolve(new RemoteCatalog(child, message as CatalogReady));
      };
      child.on('message', onMessage);
      child.once('exit', code => reject(new Error(`the catalog process exited (${code}) before its catalog was ready`)));
    });
  }

  queryEntities(request: unknown): Promise<Page> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.send({ id, request });
    });
  }

  stop() {
    this.child.removeAllListeners('exit');
    this.child.kill();
  }

  /** A service factory to install in a test backend in place of `catalogServiceMock.factory`. */
  factory() {
    return createServiceFactory({
      service: catalogServiceRef,
      deps: {},
      factory: () => this as unknown as CatalogService,
    });
  }
}
