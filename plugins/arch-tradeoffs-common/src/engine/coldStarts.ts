import { deepFreeze } from '../deepFreeze';
import type { Architecture, Platform, Runtime } from '../model/settings';

/**
 * Cold-start (Init Duration) percentiles per runtime, from reference/lambda-cold-starts.csv: the public
 * maxday/lambda-perf data, 2026-07-01 to 2026-08-22, ~500 hello-world cold starts per row. Rows at
 * 512 MB (memory barely matters for hello-world). These are lower bounds: real functions with SDKs
 * and frameworks start slower.
 *
 * Representative rows per runtime (the current major version of each):
 *   nodejs → nodejs22.x · python → python3.12 · java → java21 · go → go (prov.al2023)
 *   dotnet → dotnet8 · ruby → ruby3.4 · rust → rust (prov.al2023)
 * `zip` rows are managed-runtime packages; `image` rows are container-image functions. The
 * `container` runtime (any language in an image) uses the nodejs22.x image row, a mid-range image.
 * @public
 */
export interface ColdStartRow {
  csvRuntime: string;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
}

type PerArch = Record<Architecture, ColdStartRow>;

/** @public */
export const LAMBDA_COLD_STARTS: Readonly<
  Record<Runtime, { zip: PerArch; image: PerArch }>
> = deepFreeze({
  nodejs: {
    zip: {
      x86_64: { csvRuntime: 'nodejs22.x', p50Ms: 141, p90Ms: 164, p99Ms: 194 },
      arm64: { csvRuntime: 'nodejs22.x', p50Ms: 130, p90Ms: 139, p99Ms: 167 },
    },
    image: {
      x86_64: { csvRuntime: 'nodejs22.x', p50Ms: 295, p90Ms: 550, p99Ms: 762 },
      arm64: { csvRuntime: 'nodejs22.x', p50Ms: 238, p90Ms: 524, p99Ms: 782 },
    },
  },
  python: {
    zip: {
      x86_64: { csvRuntime: 'python3.12', p50Ms: 84, p90Ms: 100, p99Ms: 135 },
      arm64: { csvRuntime: 'python3.12', p50Ms: 81, p90Ms: 89, p99Ms: 166 },
    },
    image: {
      x86_64: { csvRuntime: 'python3.12', p50Ms: 154, p90Ms: 292, p99Ms: 385 },
      arm64: { csvRuntime: 'python3.12', p50Ms: 131, p90Ms: 242, p99Ms: 375 },
    },
  },
  java: {
    zip: {
      x86_64: { csvRuntime: 'java21', p50Ms: 239, p90Ms: 287, p99Ms: 652 },
      arm64: { csvRuntime: 'java21', p50Ms: 249, p90Ms: 271, p99Ms: 589 },
    },
    image: {
      x86_64: { csvRuntime: 'java21', p50Ms: 347, p90Ms: 592, p99Ms: 770 },
      arm64: { csvRuntime: 'java21', p50Ms: 314, p90Ms: 552, p99Ms: 730 },
    },
  },
  go: {
    zip: {
      x86_64: {
        csvRuntime: 'go (prov.al2023)',
        p50Ms: 50,
        p90Ms: 53,
        p99Ms: 65,
      },
      arm64: {
        csvRuntime: 'go (prov.al2023)',
        p50Ms: 43,
        p90Ms: 45,
        p99Ms: 54,
      },
    },
    image: {
      x86_64: {
        csvRuntime: 'go (prov.al2023)',
        p50Ms: 47,
        p90Ms: 85,
        p99Ms: 125,
      },
      arm64: {
        csvRuntime: 'go (prov.al2023)',
        p50Ms: 40,
        p90Ms: 62,
        p99Ms: 105,
      },
    },
  },
  dotnet: {
    zip: {
      x86_64: { csvRuntime: 'dotnet8', p50Ms: 252, p90Ms: 346, p99Ms: 657 },
      arm64: { csvRuntime: 'dotnet8', p50Ms: 298, p90Ms: 577, p99Ms: 712 },
    },
    image: {
      x86_64: { csvRuntime: 'dotnet8', p50Ms: 401, p90Ms: 695, p99Ms: 886 },
      arm64: { csvRuntime: 'dotnet8', p50Ms: 431, p90Ms: 659, p99Ms: 862 },
    },
  },
  ruby: {
    zip: {
      x86_64: { csvRuntime: 'ruby3.4', p50Ms: 227, p90Ms: 394, p99Ms: 493 },
      arm64: { csvRuntime: 'ruby3.4', p50Ms: 245, p90Ms: 403, p99Ms: 445 },
    },
    image: {
      x86_64: { csvRuntime: 'ruby3.4', p50Ms: 261, p90Ms: 386, p99Ms: 486 },
      arm64: { csvRuntime: 'ruby3.4', p50Ms: 277, p90Ms: 341, p99Ms: 446 },
    },
  },
  rust: {
    zip: {
      x86_64: {
        csvRuntime: 'rust (prov.al2023)',
        p50Ms: 16,
        p90Ms: 22,
        p99Ms: 49,
      },
      arm64: {
        csvRuntime: 'rust (prov.al2023)',
        p50Ms: 14,
        p90Ms: 18,
        p99Ms: 45,
      },
    },
    image: {
      x86_64: {
        csvRuntime: 'rust (prov.al2023)',
        p50Ms: 34,
        p90Ms: 63,
        p99Ms: 98,
      },
      arm64: {
        csvRuntime: 'rust (prov.al2023)',
        p50Ms: 30,
        p90Ms: 48,
        p99Ms: 89,
      },
    },
  },
  container: {
    zip: {
      // A container runtime has no ZIP package; the image row applies.
      x86_64: {
        csvRuntime: 'nodejs22.x (image)',
        p50Ms: 295,
        p90Ms: 550,
        p99Ms: 762,
      },
      arm64: {
        csvRuntime: 'nodejs22.x (image)',
        p50Ms: 238,
        p90Ms: 524,
        p99Ms: 782,
      },
    },
    image: {
      x86_64: { csvRuntime: 'nodejs22.x', p50Ms: 295, p90Ms: 550, p99Ms: 762 },
      arm64: { csvRuntime: 'nodejs22.x', p50Ms: 238, p90Ms: 524, p99Ms: 782 },
    },
  },
});

/**
 * Cloudflare Workers' V8 isolates warm "in under 5 ms", usually hidden in the TLS handshake
 * (blog.cloudflare.com "Eliminating cold starts with Cloudflare Workers", cloud-economics.md §3.2).
 */
const WORKERS_COLD_START_MS = 5;

function lookUp(
  platform: Platform,
  runtime: Runtime,
  arch: Architecture,
): ColdStart | undefined {
  const rows = LAMBDA_COLD_STARTS[runtime] ?? LAMBDA_COLD_STARTS.container;
  switch (platform) {
    case 'cloudflare-workers':
      return {
        p99Ms: WORKERS_COLD_START_MS,
        source: 'Cloudflare: isolates start in under 5 ms',
      };
    case 'aws-lambda': {
      const packaging = runtime === 'container' ? 'image' : 'zip';
      const row = rows[packaging][arch];
      return {
        p99Ms: row.p99Ms,
        source: `Lambda ${row.csvRuntime} ${packaging} ${arch} p99 Init Duration (lambda-perf, 2026-07/08)`,
      };
    }
    case 'gcp-cloud-functions':
    case 'azure-functions': {
      const row = rows.zip[arch];
      return {
        p99Ms: row.p99Ms,
        source: `no first-party data; Lambda ${row.csvRuntime} p99 used as a lower bound`,
      };
    }
    case 'gcp-cloud-run':
    case 'azure-container-apps': {
      const row = rows.image[arch];
      return {
        p99Ms: row.p99Ms,
        source: `no first-party data; Lambda ${row.csvRuntime} container-image p99 used as a lower bound`,
      };
    }
    default:
      return undefined;
  }
}

/** A cold-start p99 and where the figure comes from. @public */
export interface ColdStart {
  p99Ms: number;
  source: string;
}

/**
 * Cold-start p99 (ms) of a runtime on a platform, and where the figure comes from. Lambda uses its
 * own rows. No first-party per-runtime data exists for Cloud Run, Azure Functions, Container Apps or
 * Cloud Run functions (cloud-economics.md §3.2), so they reuse the Lambda rows as a lower bound: the
 * image row for container platforms (they always run images), the ZIP row for function platforms.
 * Always-on platforms do not cold-start in the request path while replicas are warm: undefined.
 * @public
 */
export function coldStartP99(
  platform: Platform,
  runtime: Runtime,
  architecture: Architecture,
): ColdStart | undefined {
  return lookUp(platform, runtime, architecture === 'arm64' ? 'arm64' : 'x86_64');
}
