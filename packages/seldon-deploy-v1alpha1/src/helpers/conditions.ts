import type { Condition } from '../schemas.js';

/**
 * Kubernetes-style status conditions, as Seldon Core v1 (SeldonDeployment)
 * and v2 (Model, Pipeline, Experiment) report them: knative's `apis.Condition`
 * with `type`, `status` (`True`/`False`/`Unknown`), `reason` and `message`.
 */
type Conditions = readonly Condition[] | undefined;

/** The condition of `type` (e.g. `Ready`), when reported. */
export function conditionOf(conditions: Conditions, type: string): Condition | undefined {
  return conditions?.find((condition) => condition.type === type);
}

/**
 * The condition that says why a resource is not ready: the first `False`
 * one that is not the summary `Ready` (it names the cause), else `Ready`.
 */
export function failingCondition(conditions: Conditions): Condition | undefined {
  const failing = conditions?.filter((condition) => condition.status === 'False') ?? [];
  return failing.find((condition) => condition.type !== 'Ready') ?? failing[0];
}

/** `ModelReady=False (ScheduleFailed): no matching server`, for messages. */
export function describeCondition(condition: Condition): string {
  const reason = condition.reason ? ` (${condition.reason})` : '';
  const message = condition.message ? `: ${condition.message}` : '';
  return `${condition.type}=${condition.status}${reason}${message}`;
}
