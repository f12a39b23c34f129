/*
 * Journey: team scorecards. The Scorecards tab ranks every team by its score (with child teams); a
 * Group page shows that team's scorecard card with the checks behind the score.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type {
  ScorecardResponse,
  ScorecardsResponse,
} from '@arch-tradeoffs/plugin-arch-tradeoffs-common';
import {
  archApi,
  frontend,
  panel,
  screenshot,
  useBrowserPage,
  waitForSnapshot,
} from './helpers';

const ctx = useBrowserPage();

const LEVELS = ['Excellent', 'Good', 'Fair', 'Poor'];
const score = (n: number | null) => (n === null ? '—' : String(Math.round(n)));

test('the Scorecards tab ranks every team by score, best first, with the checks behind each', async () => {
  const { page } = ctx;
  await waitForSnapshot();
  await page.goto(`${frontend}/arch-tradeoffs?tab=scorecards`);
  const table = panel(page, 'Team scorecards');
  await table
    .getByText('Ranked by score with child teams')
    .waitFor({ timeout: 60_000 });
  const { items } = await archApi<ScorecardsResponse>('/v1/scorecards');
  assert.ok(
    items.length >= 10,
    'examples/catalog/org.yaml has a dozen teams and more',
  );

  const rows = table.locator('tbody tr');
  await rows.first().waitFor();
  const cells = await rows.evaluateAll(trs =>
    trs.map(tr =>
      [...tr.querySelectorAll('td')].map(td => (td.textContent ?? '').trim()),
    ),
  );
  assert.equal(cells.length, items.length, 'one row per team');

  // Columns: [expand], #, Team, Level, Score, Direct score, Components, Monthly cost, Savings, Open.
  const ranked = cells.map(c => ({
    rank: Number(c[1]),
    team: c[2],
    level: c[3],
    score: c[4],
  }));
  assert.deepEqual(
    ranked.map(r => r.rank),
    items.map((_, i) => i + 1),
  );
  const scores = ranked.map(r => (r.score === '—' ? -1 : Number(r.score)));
  for (let i = 1; i < scores.length; i++) {
    assert.ok(
      scores[i] <= scores[i - 1],
      `rank ${i + 1} (${scores[i]}) scores above rank ${i} (${scores[i - 1]})`,
    );
  }
  for (const r of ranked) {
    // textContent: the chip capitalises by CSS.
    if (r.score !== '—') {
      assert.ok(
        LEVELS.map(l => l.toLowerCase()).includes(r.level.toLowerCase()),
        `${r.team} has a level chip, got "${r.level}"`,
      );
    }
  }
  // Same teams and scores as the backend's ranking.
  const expected = new Map(
    items.map(t => [t.title ?? t.groupRef, score(t.aggregated.score)]),
  );
  for (const r of ranked)
    assert.equal(r.score, expected.get(r.team), `score of ${r.team}`);
  assert.ok(ranked.some(r => r.team === 'Payments Engineering'));
  await screenshot(page, 'scorecards-tab');

  // Expanding a team shows the checks behind its score.
  const row = rows.filter({ hasText: 'Payments Engineering' }).first();
  await row.locator('button').first().click();
  const checks = page.getByRole('table', {
    name: 'checks of group:default/payments-engineering',
  });
  await checks.waitFor();
  const checksText = await checks.innerText();
  for (const title of [
    'Input coverage',
    'Cost efficiency',
    'Posture risks',
    'Open suggestions',
  ]) {
    assert.ok(checksText.includes(title), `check "${title}" listed`);
  }
  await screenshot(page, 'scorecards-tab-expanded');
});

test('a group page shows the team scorecard card with its checks', async () => {
  const { page } = ctx;
  await waitForSnapshot();
  const { scorecard } = await archApi<ScorecardResponse>(
    '/v1/scorecards/default/payments-engineering',
  );
  assert.ok(
    scorecard.children.length > 0,
    'payments-engineering has child teams',
  );

  await page.goto(`${frontend}/catalog/default/group/payments-engineering`);
  const card = panel(page, 'Architecture scorecard');
  const total = card.getByLabel('aggregated score');
  await total.waitFor({ timeout: 60_000 });
  assert.equal(
    (await total.innerText()).trim(),
    score(scorecard.aggregated.score),
  );
  assert.match(
    score(scorecard.aggregated.score),
    /^\d+$/,
    'the department has a numeric score',
  );
  const text = await card.innerText();
  assert.match(
    text,
    new RegExp(`including ${scorecard.children.length} child teams`),
  );
  assert.ok(
    LEVELS.some(l => text.includes(l)),
    'a level chip is shown',
  );

  const checks = card.getByRole('table', { name: 'scorecard checks' });
  const rows = await checks.locator('tbody tr').allInnerTexts();
  assert.equal(rows.length, scorecard.aggregated.checks.length);
  for (const check of scorecard.aggregated.checks) {
    const row = rows.find(r => r.startsWith(check.title));
    assert.ok(row, `check ${check.title} listed`);
    assert.ok(
      row.includes(check.detail),
      `detail of ${check.title}: ${check.detail}`,
    );
    assert.ok(row.includes(score(check.score)), `score of ${check.title}`);
  }
  // Direct vs with child teams, and the trend chart.
  assert.match(text, /Direct and with child teams/);
  assert.match(
    text,
    new RegExp(
      `Components\\s+${scorecard.direct.components}\\s+${scorecard.aggregated.components}`,
    ),
  );
  await card.locator('.recharts-surface').first().waitFor();
  await card.scrollIntoViewIfNeeded();
  await screenshot(page, 'group-scorecard-card');
});
