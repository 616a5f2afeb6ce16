import { request as httpRequest } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { closeServer } from '../http-server.js';
import { createTestCertificates, type TestCertificates } from '../tls-certificates.js';

export interface HttpsGatewayOptions {
  /** The plain-HTTP server behind it (e.g. the local cluster's gateway), `http://127.0.0.1:<port>`. */
  upstream: string;
  /**
   * Ask every client for a certificate signed by the gateway's CA, and answer
   * 401 without one: an ingress with mutual TLS (Istio `mode: MUTUAL`).
   */
  requireClientCertificate?: boolean;
  /** Default: a fresh CA, a server certificate for 127.0.0.1/localhost and a client certificate. */
  certificates?: TestCertificates;
}

export interface HttpsGateway {
  /** `https://127.0.0.1:<port>`: the upstream's paths, over TLS. */
  readonly url: string;
  /** The CA that signed the gateway's certificate (what `--ca-file` must hold), and a client certificate. */
  readonly certificates: TestCertificates;
  /** Requests that came without a valid client certificate, when one is required. */
  readonly refusedClients: number;
  stop(): Promise<void>;
}

/**
 * A TLS-terminating ingress with its own CA in front of a plain-HTTP
 * gateway, as a cluster with a private CA has (a cert-manager issuer, a
 * kind cluster's self-signed Istio gateway): clients must trust that CA, or
 * skip verification, to get through. Forwards each request as is (method,
 * path, headers, body) and streams the answer back unchanged.
 */
export async function startHttpsGateway(options: HttpsGatewayOptions): Promise<HttpsGateway> {
  const certificates = options.certificates ?? createTestCertificates();
  const upstream = new URL(options.upstream);
  let refusedClients = 0;
  const server: Server = createServer(
    {
      key: certificates.key,
      cert: certificates.cert,
      ca: certificates.ca,
      requestCert: options.requireClientCertificate === true,
      // Refused with an HTTP answer rather than a handshake alert, so a test can read why.
      rejectUnauthorized: false,
    },
    (request, response) => {
      if (options.requireClientCertificate && !(request.socket as TLSSocket).authorized) {
        refusedClients += 1;
        response.writeHead(401, { 'content-type': 'text/plain' }).end('client certificate required\n');
        return;
      }
      const forwarded = httpRequest(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: request.method,
          path: request.url,
          headers: { ...request.headers, host: upstream.host, 'x-forwarded-proto': 'https' },
        },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        },
      );
      forwarded.on('error', (error) => {
        if (!response.headersSent) response.writeHead(502, { 'content-type': 'text/plain' });
        response.end(`upstream failed: ${error.message}\n`);
      });
      request.pipe(forwarded);
    },
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    certificates,
    get refusedClients() {
      return refusedClients;
    },
    stop: () => closeServer(server),
  };
}
