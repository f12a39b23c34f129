import { render, screen } from '@testing-library/react';
import { SnapshotAge } from './SnapshotAge';

const snapshot = (minutesAgo: number, partial: boolean) => ({
  id: 4,
  createdAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
  componentCount: 12,
  durationMs: 800,
  partial,
});

describe('SnapshotAge', () => {
  it('says how old the figures are, from when the snapshot was written', () => {
    render(<SnapshotAge snapshot={snapshot(25, false)} />);
    expect(screen.getByText('Figures from the refresh 25 min ago')).toBeInTheDocument();
  });

  it('says when the figures leave out components the viewer may not read', () => {
    render(<SnapshotAge snapshot={snapshot(3 * 60, true)} />);
    expect(
      screen.getByText('Figures from the refresh 3 h ago · covering only what you may read in the catalog'),
    ).toBeInTheDocument();
  });
});
