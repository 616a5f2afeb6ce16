// Endpoint and namespace defaults from the environment, as kfp-common's resolveKfpEndpoint for KFP.
import {
  DEFAULT_SELDON_NAMESPACE,
  resolveSeldonDeployEndpoint,
  resolveSeldonNamespace,
} from '@ml-platform/seldon-deploy-v1alpha1';
import { describe, expect, it } from 'vitest';

describe('Seldon Deploy environment defaults', () => {
  it('reads SELDON_DEPLOY_URL, and says what to set when it is missing or blank', () => {
    expect(
      resolveSeldonDeployEndpoint({
        SELDON_DEPLOY_URL: ' https://ml.example.com/seldon-deploy/api/v1alpha1 ',
      }),
    ).toBe('https://ml.example.com/seldon-deploy/api/v1alpha1');
    for (const env of [{}, { SELDON_DEPLOY_URL: '  ' }]) {
      expect(() => resolveSeldonDeployEndpoint(env)).toThrow(
        expect.objectContaining({
          code: 'CONFIG_NO_BASE_URL',
          message: expect.stringContaining('SELDON_DEPLOY_URL'),
        }),
      );
    }
  });

  it('takes SELDON_NAMESPACE, else seldon', () => {
    expect(resolveSeldonNamespace({ SELDON_NAMESPACE: 'prod' })).toBe('prod');
    expect(resolveSeldonNamespace({ SELDON_NAMESPACE: '' })).toBe(DEFAULT_SELDON_NAMESPACE);
    expect(resolveSeldonNamespace({})).toBe('seldon');
  });
});
