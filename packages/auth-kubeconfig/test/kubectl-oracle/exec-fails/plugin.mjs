#!${NODE}
process.stderr.write('no login\n');
process.exit(1);
