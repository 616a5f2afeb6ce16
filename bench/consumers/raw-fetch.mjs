// Baseline: the same call with the platform's fetch and no library at all.
export async function listExperiments(baseUrl) {
  const response = await fetch(`${baseUrl}/apis/v2beta1/experiments`);
  return response.json();
}
