import type { Command } from 'commander';

/** Every command's usage errors (commander's own output) pass through {@link hideOptionValues}. */
export function hideOptionValuesInErrors(command: Command, argv: readonly string[]): void {
  const output = command.configureOutput();
  const write = output.outputError ?? ((text: string, print: (text: string) => void) => print(text));
  command.configureOutput({
    ...output,
    outputError: (text, print) => write(hideOptionValues(text, argv), print),
  });
  for (const sub of command.commands) hideOptionValuesInErrors(sub, argv);
}

/**
 * Commander's own messages (an unknown or misused option) quote the option as
 * typed: `--token=<secret>` would land in a CI log. Every argument given as
 * `--name=value` shows as `--name=...` in them; no flag of mlp takes a secret's value.
 */
export function hideOptionValues(text: string, argv: readonly string[]): string {
  let result = text;
  for (const arg of argv) {
    const equals = arg.indexOf('=');
    if (!arg.startsWith('-') || equals < 0 || equals === arg.length - 1) continue;
    // The whole argument, as commander quotes an unknown one; a known option's value is no secret.
    result = result.split(arg).join(`${arg.slice(0, equals)}=...`);
  }
  return result;
}
