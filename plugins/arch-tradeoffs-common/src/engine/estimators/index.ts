import type { BillingVariant, Estimator } from '../types';
import { estimateAzureConsumption, estimateAzureFlex } from './azureFunctions';
import { estimateCloudRunInstance, estimateCloudRunRequest } from './cloudRun';
import { estimateContainerApps } from './containerApps';
import { estimateEc2 } from './ec2';
import { estimateFargate } from './fargate';
import { estimateKubernetes } from './kubernetes';
import { estimateLambda } from './lambda';
import { estimateWorkers } from './workers';

/** The estimator of each billing variant. */
export const ESTIMATORS: Readonly<Record<BillingVariant, Estimator>> =
  Object.freeze({
    lambda: estimateLambda,
    fargate: estimateFargate,
    ec2: estimateEc2,
    kubernetes: estimateKubernetes,
    'cloud-run-request': estimateCloudRunRequest,
    'cloud-run-instance': estimateCloudRunInstance,
    'cloud-functions': estimateCloudRunRequest,
    'azure-consumption': estimateAzureConsumption,
    'azure-flex': estimateAzureFlex,
    'container-apps': estimateContainerApps,
    workers: estimateWorkers,
  });
