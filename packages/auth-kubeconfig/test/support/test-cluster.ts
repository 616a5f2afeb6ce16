import {
  createTestCertificates,
  type KfpEmulatorServer,
  type KubeApiServer,
  type KubeApiServerOptions,
  startHttpServer,
  startKfpEmulatorServer,
  startKubeApiServer,
  type TestCertificates,
  type TestHttpServer,
} from '@ml-platform/testbed';

export const CERT_USER = 'jane@example.com';

/** A test API server over real TLS, with ml-pipeline (the KFP emulator, single-user) and an echo Service behind it. */
export interface TestCluster {
  readonly api: KubeApiServer;
  readonly kfp: KfpEmulatorServer;
  /** A Service that records what it receives and answers 200 `{}`. */
  readonly echo: TestHttpServer;
  readonly certificates: TestCertificates;
  stop(): Promise<void>;
}

export async function startTestCluster(
  options: Partial<Pick<KubeApiServerOptions, 'clientCertificates' | 'tokens' | 'authorize'>> = {},
): Promise<TestCluster> {
  const certificates = createTestCertificates({ clientSubject: `/CN=${CERT_USER}/O=dev` });
  const kfp = await startKfpEmulatorServer({ multiUser: false });
  const echo = await startHttpServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
  const api = await startKubeApiServer({
    certificates,
    ...options,
    services: [
      {
        namespace: 'kubeflow',
        name: 'ml-pipeline',
        ports: [{ name: 'http', port: 8888, endpoint: async () => kfp.url }],
      },
      {
        namespace: 'default',
        name: 'echo',
        ports: [{ name: 'http', port: 80, endpoint: async () => echo.url }],
      },
    ],
  });
  return {
    api,
    kfp,
    echo,
    certificates,
    stop: async () => {
      await Promise.all([api.stop(), kfp.stop(), echo.stop()]);
    },
  };
}
