// The server every request-path figure talks to: a minimal node:http server,
// run in its own process so its CPU time is not charged to the client under
// test. Every path answers a small JSON body, like a KFP list call. It also
// plays a token endpoint (POST /token) and counts what it served, so the
// acquisition figure can check "one token fetch" from the server's side.
//
// Prints `listening <port>` once ready. Stops by itself when its parent goes
// away (the IPC channel closes) or after --max-lifetime-ms, whichever is first.
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    'token-delay-ms': { type: 'string', default: '10' },
    'max-lifetime-ms': { type: 'string', default: '900000' },
  },
});
const tokenDelayMs = Number(values['token-delay-ms']);

const LIST_BODY = JSON.stringify({
  experiments: [{ experiment_id: 'e1', display_name: 'bench' }],
  total_size: 1,
});
const counts = { requests: 0, tokens: 0, authorized: 0 };
let tokenSerial = 0;

function sendJson(response, status, body) {
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
}

function issueToken(response) {
  counts.tokens += 1;
  tokenSerial += 1;
  const body = JSON.stringify({
    access_token: `bench-token-${tokenSerial}`,
    token_type: 'Bearer',
    expires_in: 3600,
  });
  // A real token endpoint takes a few milliseconds; without it every concurrent request would start after the fetch.
  setTimeout(() => sendJson(response, 200, body), tokenDelayMs);
}

const server = createServer({ keepAliveTimeout: 60_000 }, (request, response) => {
  // Drain any request body before answering so keep-alive connections stay reusable.
  request.resume();
  request.on('end', () => {
    if (request.url === '/token' && request.method === 'POST') return issueToken(response);
    if (request.url === '/stats') return sendJson(response, 200, JSON.stringify(counts));
    if (request.url === '/stats/reset' && request.method === 'POST') {
      // Tokens issued stay counted: scenarios measure acquisitions as a difference across resets.
      counts.requests = 0;
      counts.authorized = 0;
      return sendJson(response, 200, '{}');
    }
    counts.requests += 1;
    if (request.headers.authorization || request.headers.cookie) counts.authorized += 1;
    sendJson(response, 200, LIST_BODY);
  });
});
// Concurrency-1000 bursts open many sockets at once; the default backlog (511) would reset some.
server.listen({ host: '127.0.0.1', port: 0, backlog: 4096 }, () => {
  console.log(`listening ${server.address().port}`);
});

const stop = () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
};
process.on('disconnect', stop);
process.on('SIGTERM', stop);
setTimeout(stop, Number(values['max-lifetime-ms'])).unref();
