export { freshness, SnapshotAge } from './SnapshotAge';
