/**
 * What the test bed's object store (KFP's MinIO, bucket `mlpipeline`) holds
 * for each output artifact, at the URI the v2 launcher gives it
 * (backend/src/v2/component/launcher_v2.go: `<pipeline root>/<task>/<execution id>/<output>`,
 * pipeline root `minio://mlpipeline/v2/artifacts/<pipeline>/<run id>`). The
 * contents are derived from the URI, so nothing is stored: a test bed rule.
 * A `system.Model` is a directory (several objects under its key, as
 * TensorFlow's SavedModel is), which the UI server answers as a .tar.gz.
 */
import type { EmulatedArtifactKind } from '../kfp-state/run-tasks.js';

export const ARTIFACT_BUCKET = 'mlpipeline';

/** One object of an artifact: its key below the artifact's key ('' for a single file) and its bytes. */
export interface StoredObject {
  relativeKey: string;
  bytes: () => Uint8Array;
}

/** The objects an artifact of `kind` at `key` consists of. */
export function objectsOf(kind: EmulatedArtifactKind, key: string): StoredObject[] {
  const text = (value: string) => () => new TextEncoder().encode(value);
  switch (kind) {
    case 'system.Model':
      return [
        { relativeKey: 'saved_model.pb', bytes: text(`model graph of ${key}\n`) },
        { relativeKey: 'variables/variables.index', bytes: text(`variables index of ${key}\n`) },
      ];
    case 'system.Markdown':
      return [{ relativeKey: '', bytes: text(`# Evaluation\n\nReport of ${key}.\n`) }];
    case 'system.Dataset':
      return [{ relativeKey: '', bytes: text(`id,feature,label\n1,0.5,1\n2,0.25,0\n# ${key}\n`) }];
    default:
      // Metrics live in ML Metadata; the file the SDK writes is the same as JSON.
      return [{ relativeKey: '', bytes: text(`{"artifact": ${JSON.stringify(key)}}\n`) }];
  }
}
