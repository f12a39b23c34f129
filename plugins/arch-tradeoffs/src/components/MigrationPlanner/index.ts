export { MigrationPlanner } from './MigrationPlanner';
