#!${NODE}
const info = JSON.parse(process.env.KUBERNETES_EXEC_INFO);
process.stdout.write(
  JSON.stringify({
    apiVersion: info.apiVersion,
    kind: 'ExecCredential',
    status: { token: `oracle-exec-${process.argv[2]}-${process.env.ORACLE_SUFFIX}` },
  }),
);
