import type { Assessment } from '../model/assessment';
import type {
  Assumption,
  Diagnostic,
  ExecutionModel,
  SettingField,
  WorkloadSettings,
} from '../model/settings';

/** The `model` filter: an execution model, or components with none annotated. @public */
export type ModelFilter = ExecutionModel | 'unannotated';

/**
 * One catalog component as the backend serves it: who owns it, where it sits, what its annotations say,
 * and (when it is assessable) the assessment.
 * @public
 */
export interface ComponentRecord {
  entityRef: string;
  namespace: string;
  name: string;
  title?: string;
  /** Entity ref of the owning group or user, e.g. `group:default/payments-team`. */
  owner?: string;
  /** Entity ref of the system, e.g. `system:default/checkout`. */
  system?: string;
  /** Entity ref of the system's domain, when known. */
  domain?: string;
  /** Component type (`service`, `website`, ...). */
  type?: string;
  lifecycle?: string;
  /** False when neither execution model nor platform is annotated. */
  assessable: boolean;
  settings?: WorkloadSettings;
  stated: SettingField[];
  assumptions: Assumption[];
  diagnostics: Diagnostic[];
  assessment?: Assessment | null;
}

/** Response of `GET /v1/components`. @public */
export interface ComponentsResponse {
  items: ComponentRecord[];
  totalCount: number;
  /** When the data was read from the catalog (ISO 8601). */
  generatedAt: string;
}
