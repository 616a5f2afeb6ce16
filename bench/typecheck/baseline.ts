// No client at all: what tsc costs before any of our types are loaded
// (the compiler itself, lib.es2022 and @types/node).
export const results = await Promise.all([
  fetch('https://kubeflow.example.com/pipeline/apis/v2beta1/healthz'),
]);
