const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Caching settings applied to every task of a pipeline before it runs (what kfp.Client's
 * `enable_caching` and `cache_key` do).
 */
export interface CachingOverride {
  /** Sets `cachingOptions.enableCache` of every task in `root.dag.tasks`. */
  enableCaching?: boolean | undefined;
  /** Sets `cachingOptions.cacheKey` of every task in `root.dag.tasks`. */
  cacheKey?: string | undefined;
}

/**
 * `spec` with the caching options of every top-level task overridden, as
 * kfp.Client's `_override_caching_options` does, as a copy: the objects on the
 * path to each changed task are new, everything else is shared, and `spec`
 * itself is never changed. Returns `spec` when there is nothing to override.
 */
export function withCachingOverride(
  spec: Record<string, unknown>,
  override: CachingOverride,
): Record<string, unknown> {
  const { enableCaching, cacheKey } = override;
  if (enableCaching === undefined && cacheKey === undefined) return spec;
  const root = isRecord(spec.root) ? spec.root : undefined;
  const dag = isRecord(root?.dag) ? root.dag : undefined;
  const tasks = isRecord(dag?.tasks) ? dag.tasks : undefined;
  if (!root || !dag || !tasks) return spec;
  const overridden = Object.fromEntries(
    Object.entries(tasks).map(([name, task]) => {
      const current = isRecord(task) ? task : {};
      const caching = isRecord(current.cachingOptions) ? current.cachingOptions : {};
      return [
        name,
        {
          ...current,
          cachingOptions: {
            ...caching,
            ...(enableCaching === undefined ? {} : { enableCache: enableCaching }),
            ...(cacheKey === undefined ? {} : { cacheKey }),
          },
        },
      ];
    }),
  );
  return { ...spec, root: { ...root, dag: { ...dag, tasks: overridden } } };
}
