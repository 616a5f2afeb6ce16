import type { PlainValue } from '@ml-platform/kfp-metadata';

/** A confusion matrix as `ClassificationMetrics.log_confusion_matrix` records it: labels, and one row of counts per true label. */
export interface ConfusionMatrix {
  labels: string[];
  rows: number[][];
}

/** One point of a ROC curve (`ClassificationMetrics.log_roc_curve`). */
export interface RocPoint {
  threshold: number;
  recall: number;
  falsePositiveRate: number;
}

/**
 * Undoes how KFP's launcher stores artifact metadata in ML Metadata
 * (backend/src/v2/metadata/converter.go `StructValueToMLMDValue`): a list
 * comes back from `{list: [...]}`, a struct from `{struct: {...}}`.
 */
export function unwrapStoredValue(value: PlainValue): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value) && !('typeUrl' in value)) {
    const keys = Object.keys(value);
    if (keys.length === 1 && (keys[0] === 'list' || keys[0] === 'struct'))
      return (value as Record<string, unknown>)[keys[0]];
  }
  return value;
}

/** The scalar metrics of a `system.Metrics` artifact: every numeric custom property but `display_name`. */
export function scalarMetricsOf(metadata: Record<string, unknown>): Record<string, number> {
  const metrics: Record<string, number> = {};
  for (const [name, value] of Object.entries(metadata)) {
    if (typeof value === 'number' && Number.isFinite(value)) metrics[name] = value;
  }
  return metrics;
}

/** The confusion matrix of a `system.ClassificationMetrics` artifact, as the UI's ConfusionMatrix reads it; undefined when malformed. */
export function confusionMatrixOf(metadata: Record<string, unknown>): ConfusionMatrix | undefined {
  const matrix = metadata.confusionMatrix as { annotationSpecs?: unknown; rows?: unknown } | undefined;
  if (!matrix || !Array.isArray(matrix.annotationSpecs) || !Array.isArray(matrix.rows)) return undefined;
  const labels = matrix.annotationSpecs.map((spec) =>
    String((spec as { displayName?: unknown })?.displayName ?? ''),
  );
  const rows = matrix.rows.map((row) => {
    const cells = (row as { row?: unknown })?.row;
    return Array.isArray(cells) ? cells.map(Number) : [];
  });
  return { labels, rows };
}

/** The ROC curve of a `system.ClassificationMetrics` artifact (`confidenceMetrics`); undefined when absent. */
export function rocCurveOf(metadata: Record<string, unknown>): RocPoint[] | undefined {
  const points = metadata.confidenceMetrics;
  if (!Array.isArray(points)) return undefined;
  return points.map((point) => {
    const p = point as Record<string, unknown>;
    return {
      threshold: Number(p.confidenceThreshold),
      recall: Number(p.recall),
      falsePositiveRate: Number(p.falsePositiveRate),
    };
  });
}
