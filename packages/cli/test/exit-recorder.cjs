// Runs `node <bin> ...args` in the terminal it was started in and writes its exit status to <file>:
// tmux does not always keep a dead pane's status. Ctrl-C is for the child (the terminal sends it to the
// whole foreground group), so this parent ignores it and waits.
process.on('SIGINT', () => {});
const [bin, file, ...args] = process.argv.slice(2);
const child = require('node:child_process').spawn(process.execPath, [bin, ...args], { stdio: 'inherit' });
child.on('exit', (code, signal) => {
  require('node:fs').writeFileSync(file, signal ? `signal ${signal}` : String(code));
});
