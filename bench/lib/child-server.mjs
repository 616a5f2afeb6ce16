// Starts a bench server script in its own Node process and hands back its URL.
// The child gets an IPC channel so it exits on its own when this process goes
// away, even on a crash or SIGKILL; `stop()` ends it explicitly and waits.
// `ask()` sends a question over that channel (servers that answer them use
// answerQuestions from ./questions.mjs), e.g. "how many tokens did you issue?".
import { fork } from 'node:child_process';

const running = new Set();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * @param {string} script absolute path of a server that prints `listening <port>`
 * @param {string[]} [args]
 * @returns {Promise<{ url: string, port: number, ask: (question: string) => Promise<any>, stop: () => Promise<void> }>}
 */
export function startServerProcess(script, args = [], timeoutMs = 15_000) {
  // A profile of the client (`node --cpu-prof`, bench/profile/) is of the client alone, not of its servers.
  const execArgv = process.execArgv.filter((arg) => !arg.startsWith('--cpu-prof'));
  const child = fork(script, args, { stdio: ['ignore', 'pipe', 'pipe', 'ipc'], execArgv });
  running.add(child);
  const exited = new Promise((resolve) => child.once('exit', resolve)).then(() => running.delete(child));
  let output = '';
  let nextQuestion = 0;
  const pending = new Map();
  child.on('message', ({ id, answer, error }) => {
    pending
      .get(id)
      ?.[error === undefined ? 'resolve' : 'reject'](error === undefined ? answer : new Error(error));
    pending.delete(id);
  });
  const ask = (question) =>
    new Promise((resolve, reject) => {
      nextQuestion += 1;
      pending.set(nextQuestion, { resolve, reject });
      child.send({ id: nextQuestion, question });
    });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 3_000);
      await exited;
      clearTimeout(killer);
    }
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${script} did not print "listening <port>" within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onOutput = (chunk) => {
      output += chunk;
      const match = /listening (\d+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout.off('data', onOutput);
      const port = Number(match[1]);
      resolve({ url: `http://127.0.0.1:${port}`, port, ask, stop });
    };
    child.stdout.setEncoding('utf8').on('data', onOutput);
    child.stderr.setEncoding('utf8').on('data', (chunk) => {
      output += chunk;
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`${script} exited before it was ready:\n${output}`));
    });
  });
}
