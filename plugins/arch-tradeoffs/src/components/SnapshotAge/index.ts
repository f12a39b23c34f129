export { freshness, SnapshotAge, usageStatus } from './SnapshotAge';
