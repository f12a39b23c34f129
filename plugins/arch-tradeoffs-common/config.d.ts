/** Shared by both plugins: what the engine needs, so the browser's what-if matches the backend. */
export interface Config {
  /** Configuration of the arch-tradeoffs plugins. */
  archTradeoffs?: {
    /**
     * Adjustments to the built-in price catalog (US list prices in each provider's default region).
     * Visible to the frontend, whose what-if runs the same engine in the browser.
     * @deepVisibility frontend
     */
    pricing?: {
      /** Percentage taken off every price: a negotiated discount or a Savings Plan estimate. 0–99. */
      discountPercent?: number;
      /**
       * Replacement prices in USD, keyed by price-catalog key, e.g. `aws-lambda.request: 0.00000018`.
       * An unknown key stops the backend at start-up with an error naming it.
       */
      overrides?: { [key: string]: number };
      /** Currency of every figure: ISO code, and units of it per US dollar. */
      currency?: {
        code: string;
        rate: number;
      };
    };
    /**
     * Organisation-wide defaults for settings an entity does not annotate. They sit between the
     * built-in defaults and the entity's own annotations; every value used this way is reported as an
     * assumption. Visible to the frontend, like `pricing`.
     * @deepVisibility frontend
     */
    defaults?: {
      /** Platform assumed when only `execution-model` is annotated. */
      platform?:
        | 'aws-lambda'
        | 'aws-fargate'
        | 'aws-ec2'
        | 'kubernetes'
        | 'gcp-cloud-run'
        | 'gcp-cloud-functions'
        | 'azure-functions'
        | 'azure-container-apps'
        | 'cloudflare-workers';
      monthlyRequests?: number;
      avgDurationMs?: number;
      cpuMs?: number;
      memoryMb?: number;
      vcpu?: number;
      instances?: number;
      maxInstances?: number;
      maxDurationS?: number;
      latencySloMs?: number;
      architecture?: 'x86_64' | 'arm64';
      trafficPattern?: 'steady' | 'diurnal' | 'spiky' | 'batch';
      runtime?:
        | 'nodejs'
        | 'python'
        | 'java'
        | 'go'
        | 'dotnet'
        | 'ruby'
        | 'rust'
        | 'container';
      /** EC2 instance type assumed for `aws-ec2` components that do not name one. */
      instanceType?: string;
    };
    /**
     * What the catalog already says of a component, before its own `arch-tradeoffs.io/` annotations.
     * Visible to the frontend, like `pricing`: the what-if reads annotations with the same rules.
     * @deepVisibility frontend
     */
    inference?: {
      /**
       * Rules tried before the built-in ones (kubernetes-label-selector / kubernetes-id → kubernetes,
       * aws.com/lambda-function-name → aws-lambda, aws.amazon.com/amazon-ecs-service-arn →
       * aws-fargate): a component carrying `annotation` (any non-empty value) runs on `platform`.
       */
      rules?: Array<{
        annotation: string;
        platform:
          | 'aws-lambda'
          | 'aws-fargate'
          | 'aws-ec2'
          | 'kubernetes'
          | 'gcp-cloud-run'
          | 'gcp-cloud-functions'
          | 'azure-functions'
          | 'azure-container-apps'
          | 'cloudflare-workers';
        /** Said with the inference, e.g. why the platform is only the likely one. */
        note?: string;
      }>;
      /**
       * `spec.type` values that are not deployed workloads: not priced, not counted in any score.
       * Replaces the default list: library, documentation, template.
       */
      notApplicableTypes?: string[];
    };
  };
}
