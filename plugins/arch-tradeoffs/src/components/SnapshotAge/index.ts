export { SnapshotAge } from './SnapshotAge';
