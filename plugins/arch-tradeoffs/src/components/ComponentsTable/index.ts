export { ComponentsTable } from './ComponentsTable';
export { ModelChip, MODEL_COLOURS, MODEL_LABELS } from './ModelChip';
export { DiagnosticsList } from './DiagnosticsList';
