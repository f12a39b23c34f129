/**
 * CPU profiling of one stretch of the bench through the inspector (like `node --cpu-prof`, but only
 * around what is being measured), and a summary of where the time went.
 */
/* eslint-disable no-console */
import inspector from 'node:inspector';
import fs from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export async function profiled<T>(file: string, fn: () => Promise<T>): Promise<{ result: T; profile: Profile }> {
  const session = new inspector.Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<any>((resolve, reject) => session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  await post('Profiler.start');
  let result: T;
  let profile: Profile | undefined;
  try {
    result = await fn();
  } finally {
    ({ profile } = await post('Profiler.stop'));
    session.disconnect();
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(profile));
  return { result: result!, profile: profile! };
}

/** Where a frame's code lives, as a short label: our source, a package, or V8/native. */
function where(url: string) {
  if (!url) return '(native)';
  const m = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (m) return m[1];
  const ours = url.match(/plugins\/(arch-tradeoffs[^/]*)\/(.*)$/);
  if (ours) return `${ours[1]}/${ours[2]}`;
  if (url.startsWith('node:')) return url;
  return url.replace(/^file:\/\//, '');
}

/** Self time by function, inclusive time of selected frames, and self time by package. */
export function summarise(profile: Profile, top = 25) {
  const byId = new Map(profile.nodes.map(n => [n.id, n]));
  const self = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + dt);
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  const key = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'}  ${where(n.callFrame.url)}${n.callFrame.url ? `:${n.callFrame.lineNumber + 1}` : ''}`;
  const selfByKey = new Map<string, number>();
  const selfByPackage = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, ms] of self) {
    const node = byId.get(id)!;
    selfByKey.set(key(node), (selfByKey.get(key(node)) ?? 0) + ms);
    const pkg = where(node.callFrame.url).split('/').slice(0, 2).join('/');
    const bucket = node.callFrame.url ? pkg : node.callFrame.functionName || '(native)';
    selfByPackage.set(bucket, (selfByPackage.get(bucket) ?? 0) + ms);
    // Inclusive: every distinct frame on this sample's stack.
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const k = key(byId.get(cur)!);
      if (seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + ms);
    }
  }
  const fmt = (m: Map<string, number>, n: number, filter: (k: string) => boolean = () => true) =>
    [...m.entries()]
      .filter(([k]) => filter(k))
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, ms]) => `    ${ms.toFixed(0).padStart(7)} ms ${((ms / total) * 100).toFixed(1).padStart(5)} %  ${k}`)
      .join('\n');
  return [
    `  sampled ${total.toFixed(0)} ms`,
    `  self time by package / native:`,
    fmt(selfByPackage, 12),
    `  self time by function (top ${top}):`,
    fmt(selfByKey, top),
    `  inclusive time of the plugin's own functions (top ${top}):`,
    fmt(inclusive, top, k => k.includes('arch-tradeoffs')),
  ].join('\n');
}
