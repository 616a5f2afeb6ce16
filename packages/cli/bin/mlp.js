#!/usr/bin/env node
// Committed launcher: npm links a workspace bin only if the file exists at
// install time, so this file is not a build output. It loads the built CLI.
let main;
try {
  ({ main } = await import('../dist/main.js'));
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('main.js')) throw error;
  process.stderr.write('mlp: the CLI is not built yet: run `npm run build` in the repository first.\n');
  process.exit(1);
}
const code = await main(process.argv.slice(2));
// Exit once stdout has taken everything: an idle keep-alive connection would otherwise hold the
// process open for its timeout after the command is done.
process.stdout.write('', () => process.exit(code));
