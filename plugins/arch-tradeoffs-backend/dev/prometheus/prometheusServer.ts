/*
 * A real Prometheus server for tests and the demo: backfills OpenMetrics text with promtool into a
 * fresh TSDB, then runs the binary on a free loopback port. No shell, no network beyond 127.0.0.1,
 * and everything it creates lives in one temporary directory that stop() removes.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export interface PrometheusBinaries {
  prometheus: string;
  promtool: string;
}

/** Receives OpenMetrics text chunk by chunk; awaiting it respects the file's backpressure. */
export type MetricsSink = (chunk: string) => Promise<void>;
/** One OpenMetrics document: its whole text, or a function that writes it to the sink. */
export type MetricsSource = string | ((sink: MetricsSink) => Promise<void> | void);

export interface StartPrometheusOptions {
  /** The data: OpenMetrics text, or a function that writes it (see writeOpenMetrics). */
  write: MetricsSource;
  /**
   * `--storage.tsdb.retention.time`; default 3650d, so backfilled months are never deleted. The server
   * reports it (`/api/v1/status/runtimeinfo`), but deletes whole blocks only: with the large blocks
   * backfilled here, data older than a short retention may still be queryable.
   */
  retention?: string;
  /**
   * promtool's (hidden) `--max-block-duration`; default 486h. promtool parses its whole input once per
   * block it writes, and writes 2-hour blocks by default: a month of data would be parsed 360 times.
   * It rounds the value down to 2h × 3^n (… 162h, 486h); Prometheus does not compact blocks past 31 days.
   */
  maxBlockDuration?: string;
  /** Default: a free port the OS picks. */
  port?: number;
  /** Default: findPrometheus(). */
  binaries?: PrometheusBinaries;
  /** How long to wait for `/-/ready`; default 60 s. */
  readyTimeoutMs?: number;
}

export interface PrometheusServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  baseUrl: string;
  port: number;
  dataDir: string;
  /** Stops the server (SIGTERM, SIGKILL after 5 s) and removes its files. Safe to call twice. */
  stop(): Promise<void>;
  /** Stops the process and starts it again on the same port and data (e.g. "the source was down"). */
  restart(): Promise<void>;
}

function executable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The Prometheus and promtool binaries: PROMETHEUS_BIN / PROMTOOL_BIN, else Debian's in /usr/bin
 * (`apt-get install prometheus`); undefined when either is missing.
 */
export function findPrometheus(env: NodeJS.ProcessEnv = process.env): PrometheusBinaries | undefined {
  const binaries = {
    prometheus: env.PROMETHEUS_BIN || '/usr/bin/prometheus',
    promtool: env.PROMTOOL_BIN || '/usr/bin/promtool',
  };
  return executable(binaries.prometheus) && executable(binaries.promtool) ? binaries : undefined;
}

/** A port nobody listens on right now (the OS picks it; another process could still take it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Writes one document to `file`, waiting for the stream to drain when its buffer is full. */
async function writeDocument(source: MetricsSource, file: string): Promise<void> {
  const stream = fs.createWriteStream(file);
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  failed.catch(() => {}); // observed below; keeps an early error from being reported as unhandled
  const sink: MetricsSink = chunk =>
    stream.write(chunk) ? Promise.resolve() : Promise.race([new Promise<void>(r => stream.once('drain', r)), failed]);
  if (typeof source === 'string') await sink(source);
  else await Promise.race([source(sink), failed]);
  await Promise.race([new Promise<void>(r => stream.end(r)), failed]);
}

/** Runs promtool's backfill of `input` into `dataDir`; the error carries promtool's own words. */
async function backfill(promtool: string, input: string, dataDir: string, maxBlockDuration?: string): Promise<void> {
  const flags = maxBlockDuration ? [`--max-block-duration=${maxBlockDuration}`] : [];
  try {
    await execFileAsync(promtool, ['tsdb', 'create-blocks-from', 'openmetrics', '--quiet', ...flags, input, dataDir], {
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const stderr = ((error as { stderr?: string }).stderr ?? '').trim();
    // A promtool without the flag still backfills, only slower.
    if (maxBlockDuration && /unknown long flag/.test(stderr)) return backfill(promtool, input, dataDir);
    throw new Error(`promtool could not backfill the metrics: ${stderr || (error as Error).message}`);
  }
  return undefined;
}

/** Starts the binary and waits for `/-/ready`; the error names the cause and the process's last words. */
async function launch(binary: string, args: string[], baseUrl: string, timeoutMs: number): Promise<ChildProcess> {
  const child = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', chunk => {
    stderr = (stderr + chunk.toString()).slice(-8_000);
  });
  const exited = new Promise<string>(resolve => {
    child.once('exit', (code, signal) => resolve(`exited (${signal ?? `code ${code}`})`));
    child.once('error', error => resolve(`could not start: ${error.message}`));
  });
  let outcome: string | undefined;
  exited.then(reason => (outcome = reason));
  const deadline = Date.now() + timeoutMs;
  while (outcome === undefined && Date.now() < deadline) {
    try {
      const res = await fetch(`${baseUrl}/-/ready`, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer(); // a body left unread keeps its connection busy
      if (res.ok) return child;
    } catch {
      // not listening yet
    }
    await Promise.race([exited, new Promise(r => setTimeout(r, 100))]);
  }
  if (outcome === undefined) {
    child.kill('SIGKILL');
    outcome = `was not ready within ${timeoutMs / 1000} s`;
  }
  throw Object.assign(new Error(`Prometheus ${outcome}. Its log ends:\n${stderr.trim()}`), {
    addressInUse: /address already in use/.test(stderr),
  });
}

/** SIGTERM, then SIGKILL if it has not exited after `graceMs`. */
async function terminate(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise(resolve => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/**
 * Backfills the data into a fresh TSDB and starts Prometheus on 127.0.0.1. The data must end at least
 * 3 hours before now (the newest hours belong to the server's own head block). Blocks on disk are
 * loaded before `/-/ready`, so queries see the data as soon as this resolves.
 */
export async function startPrometheus(options: StartPrometheusOptions): Promise<PrometheusServer> {
  const binaries = options.binaries ?? findPrometheus();
  if (!binaries) throw new Error('No Prometheus: apt-get install prometheus, or set PROMETHEUS_BIN and PROMTOOL_BIN');
  const root = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'arch-tradeoffs-prometheus-'));
  const dataDir = path.join(root, 'data');
  const configFile = path.join(root, 'prometheus.yml');
  const timeoutMs = options.readyTimeoutMs ?? 60_000;
  let child: ChildProcess | undefined;
  let stopped = false;

  const argsFor = (port: number) => [
    `--config.file=${configFile}`,
    `--storage.tsdb.path=${dataDir}`,
    `--storage.tsdb.retention.time=${options.retention ?? '3650d'}`,
    `--web.listen-address=127.0.0.1:${port}`,
  ];
  const stop = async () => {
    stopped = true;
    if (child) await terminate(child);
    await fs.promises.rm(root, { recursive: true, force: true });
  };

  try {
    await fs.promises.mkdir(dataDir);
    await fs.promises.writeFile(configFile, 'global: {}\nscrape_configs: []\n');
    const input = path.join(root, 'metrics.om');
    await writeDocument(options.write, input);
    await backfill(binaries.promtool, input, dataDir, options.maxBlockDuration ?? '486h');
    await fs.promises.rm(input);

    // A port picked for us may be taken before Prometheus binds it: then pick another.
    let port = options.port ?? (await freePort());
    for (let attempt = 1; ; attempt++) {
      try {
        child = await launch(binaries.prometheus, argsFor(port), `http://127.0.0.1:${port}`, timeoutMs);
        break;
      } catch (error) {
        if (options.port !== undefined || attempt >= 3 || !(error as { addressInUse?: boolean }).addressInUse) throw error;
        port = await freePort();
      }
    }
    const baseUrl = `http://127.0.0.1:${port}`;
    return {
      baseUrl,
      port,
      dataDir,
      stop,
      restart: async () => {
        if (stopped) throw new Error('This Prometheus was stopped; start a new one');
        if (child) await terminate(child);
        child = await launch(binaries.prometheus, argsFor(port), baseUrl, timeoutMs);
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
