import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type { TestCertificates } from '@ml-platform/testbed';

/** What one request carried: the credential headers, the client certificate and the SNI name. */
export interface SentRequest {
  readonly scheme: 'http' | 'https';
  readonly authorization: string | null;
  /** CN of the client certificate, when one was presented. */
  readonly clientCertificate: string | null;
  /** The TLS server name (SNI) the client sent; null over HTTP or when none was sent (an IP host). */
  readonly serverName: string | null;
}

/** An HTTPS server (asks for, but does not require, a client certificate) and an HTTP one, both recording requests. */
export interface RecordingServers {
  readonly httpsUrl: string;
  readonly httpUrl: string;
  /** Requests received since the last `take()`, and forgets them. */
  take(): SentRequest[];
  stop(): Promise<void>;
}

// Answers as an API server's /version does, so kubectl is content with the reply.
const VERSION = JSON.stringify({ major: '1', minor: '32', gitVersion: 'v1.32.0' });

export async function startRecordingServers(certificates: TestCertificates): Promise<RecordingServers> {
  let received: SentRequest[] = [];
  const record = (scheme: 'http' | 'https', request: IncomingMessage) => {
    const socket = request.socket as TLSSocket;
    const peer = scheme === 'https' ? socket.getPeerCertificate() : undefined;
    received.push({
      scheme,
      authorization: request.headers.authorization ?? null,
      clientCertificate: peer && typeof peer.subject?.CN === 'string' ? peer.subject.CN : null,
      serverName: scheme === 'https' && typeof socket.servername === 'string' ? socket.servername : null,
    });
  };
  const https = createHttpsServer(
    {
      key: certificates.key,
      cert: certificates.cert,
      ca: certificates.ca,
      requestCert: true,
      rejectUnauthorized: false,
    },
    (request, response) => {
      record('https', request);
      response.writeHead(200, { 'content-type': 'application/json' }).end(VERSION);
    },
  );
  const http = createHttpServer((request, response) => {
    record('http', request);
    response.writeHead(200, { 'content-type': 'application/json' }).end(VERSION);
  });
  const listen = (server: Server) =>
    new Promise<number>((resolve) =>
      server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
    );
  const [httpsPort, httpPort] = await Promise.all([listen(https), listen(http)]);
  return {
    httpsUrl: `https://127.0.0.1:${httpsPort}`,
    httpUrl: `http://127.0.0.1:${httpPort}`,
    take: () => {
      const taken = received;
      received = [];
      return taken;
    },
    stop: async () => {
      for (const server of [https, http]) {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
    },
  };
}
