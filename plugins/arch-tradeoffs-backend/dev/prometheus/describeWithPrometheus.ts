/*
 * Jest suites that need a real Prometheus. Its own module, apart from prometheusServer.ts, because it
 * calls describe/it: the demo must not import Jest's globals, and ESLint's Jest rules treat a module
 * that calls them as a test file.
 */
/* eslint-disable jest/no-export, jest/valid-title, jest/expect-expect, jest/no-disabled-tests --
   a helper that declares suites for test files, not a test file itself */
import { findPrometheus, type PrometheusBinaries } from './prometheusServer';

const HOW_TO_GET_IT = 'apt-get install prometheus, or set PROMETHEUS_BIN and PROMTOOL_BIN';

/**
 * A suite that runs when the Prometheus binaries exist. Without them a developer's run skips it and
 * says why, while CI (ARCH_TRADEOFFS_REQUIRE_PROMETHEUS=1) fails, so it cannot be skipped there
 * unnoticed.
 */
export function describeWithPrometheus(name: string, fn: (binaries: PrometheusBinaries) => void): void {
  const binaries = findPrometheus();
  if (binaries) {
    describe(name, () => {
      fn(binaries);
    });
  } else if (process.env.ARCH_TRADEOFFS_REQUIRE_PROMETHEUS) {
    describe(name, () => {
      it('needs Prometheus', () => {
        throw new Error(
          `ARCH_TRADEOFFS_REQUIRE_PROMETHEUS is set but there is no prometheus/promtool binary (${HOW_TO_GET_IT})`,
        );
      });
    });
  } else {
    const reason = `no prometheus/promtool binary; ${HOW_TO_GET_IT}`;
    // Jest lists skipped tests only when verbose: say it in the output too.
    console.warn(`Skipping "${name}": ${reason}`);
    describe.skip(`${name} (skipped: ${reason})`, () => {
      it('needs Prometheus', () => {});
    });
  }
}
