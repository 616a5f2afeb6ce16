import { type Command, Option } from 'commander';
import { AUTH_KINDS, OIDC_FLOWS } from '../config/profile-choices.js';

/**
 * The connection settings every command takes (global, so they may follow
 * any subcommand), each of which a profile can also hold: given on the
 * command line, a flag wins over the profile. No flag takes a secret's value,
 * only the path of a file holding it, or an environment variable's name.
 */
export function addConnectionOptions(program: Command): Command {
  return program
    .addOption(new Option('--auth <kind>', 'How requests are signed.').choices(AUTH_KINDS))
    .option(
      '--token-file <path>',
      'token auth: file holding the bearer token (else MLP_TOKEN); re-read on change.',
    )
    .option('--issuer <url>', 'oidc auth: the issuer URL.')
    .option('--client-id <id>', 'oidc auth: the client id (default kubeflow-pipelines-sdk).')
    .option(
      '--client-secret-file <path>',
      'oidc auth: file holding the client secret (else MLP_OIDC_CLIENT_SECRET).',
    )
    .addOption(new Option('--flow <flow>', 'oidc auth: how tokens are obtained.').choices(OIDC_FLOWS))
    .option('--username <name>', 'dex auth and the oidc password flow: the login name.')
    .option('--connector <id>', 'dex auth: the Dex connector (default local).')
    .option('--kubeconfig <path>', 'kubeconfig auth: the file (default KUBECONFIG, else ~/.kube/config).')
    .option('--context <name>', "kubeconfig auth: the context (default the file's current-context).")
    .option(
      '--kube-service <service>',
      'kubeconfig auth: the KFP Service, namespace/name:port (default kubeflow/ml-pipeline:http).',
    )
    .option('--ca-file <path>', 'TLS: PEM file of the CAs to trust.')
    .option('--client-certificate <path>', 'TLS: PEM client certificate, for mutual TLS.')
    .option('--client-key <path>', 'TLS: PEM private key of the client certificate.')
    .option(
      '--insecure-skip-tls-verify',
      "TLS: do not verify the server's certificate (development clusters only).",
    );
}
