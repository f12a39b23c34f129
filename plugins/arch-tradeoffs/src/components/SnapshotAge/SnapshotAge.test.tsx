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

describe('SnapshotAge with a usage source', () => {
  const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();

  it('says how many selected components the source measured, over what window', () => {
    render(
      <SnapshotAge
        snapshot={{
          ...snapshot(25, false),
          usage: { source: 'prometheus', lastSuccess: minutesAgo(25), queries: 9, measured: 8, selected: 12, windowDays: 30 },
        }}
      />,
    );
    expect(screen.getByText('Figures from the refresh 25 min ago')).toBeInTheDocument();
    expect(screen.getByLabelText('usage source')).toHaveTextContent(
      'Prometheus: 8 of 12 selected components measured over 30 days',
    );
  });

  it('shows the last error with its time, and when the source last fully succeeded', () => {
    render(
      <SnapshotAge
        snapshot={{
          ...snapshot(25, false),
          usage: {
            source: 'prometheus',
            lastSuccess: minutesAgo(3 * 24 * 60),
            lastError: { at: minutesAgo(25), message: 'connect ECONNREFUSED 10.0.0.7:9090' },
            queries: 9,
            measured: 0,
            selected: 12,
            windowDays: 30,
          },
        }}
      />,
    );
    expect(screen.getByLabelText('usage source')).toHaveTextContent(
      'Prometheus: 0 of 12 selected components measured over 30 days · error 25 min ago: connect ECONNREFUSED 10.0.0.7:9090; last fully successful 3 days ago',
    );
    // In the warning colour, apart from the status before it.
    expect(screen.getByText(/^error 25 min ago/).className).toMatch(/error/);
  });

  it('leaves out the organisation-wide counts when the backend withholds them', () => {
    render(
      <SnapshotAge
        snapshot={{
          ...snapshot(25, true),
          usage: { source: 'prometheus', lastSuccess: minutesAgo(25), queries: 9, windowDays: 14 },
        }}
      />,
    );
    expect(screen.getByLabelText('usage source')).toHaveTextContent('Prometheus: traffic measured over 14 days');
  });

  it('adds nothing when no usage source is configured', () => {
    render(<SnapshotAge snapshot={snapshot(25, false)} />);
    expect(screen.queryByLabelText('usage source')).not.toBeInTheDocument();
  });
});
