const twoDigits = (value: number) => String(value).padStart(2, '0');

/**
 * `<pipelineName> <YYYY-MM-DD HH-mm-ss>` in local time: the run name
 * kfp.Client gives a package run when none is passed (it uses the file name;
 * the pipeline's name says more and is the same for every copy of the file).
 */
export function defaultRunDisplayName(pipelineName: string, at: Date = new Date()): string {
  const date = `${at.getFullYear()}-${twoDigits(at.getMonth() + 1)}-${twoDigits(at.getDate())}`;
  const time = `${twoDigits(at.getHours())}-${twoDigits(at.getMinutes())}-${twoDigits(at.getSeconds())}`;
  return `${pipelineName} ${date} ${time}`;
}
