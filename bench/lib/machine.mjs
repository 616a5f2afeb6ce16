// The machine a result came from: numbers from a different machine are not comparable.
import { cpus, loadavg, release, totalmem } from 'node:os';

export function describeMachine() {
  const cores = cpus();
  return {
    cpu: cores[0]?.model.trim() ?? 'unknown',
    cores: cores.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${process.platform} ${release()}`,
    node: process.version,
    loadAverageAtStart: loadavg().map((n) => Number(n.toFixed(2))),
  };
}

/** @param {ReturnType<typeof describeMachine>} machine */
export function machineLine(machine) {
  return (
    `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}, ` +
    `load average at start ${machine.loadAverageAtStart.join(' / ')}`
  );
}
