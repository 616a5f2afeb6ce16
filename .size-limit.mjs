// Size budgets of a minimal consumer of each published package (bench/consumers/),
// bundled for Node with esbuild, minified, gzipped. Checked by `npm run size` (size-limit 14)
// as part of `npm test`.
//
// A client's budget is its startup bytes: what a consumer loads before anything happens. Every
// dynamic `import()` is left out of the measured bundle, as a code-splitting bundler puts it in a
// chunk of its own that loads only when that path runs: undici for `tls` and `proxy` (core's
// `#undici-fetch`), the network-error diagnosis, the ServiceAccount token plugin of a KFP client
// created without auth, a plugin's login flow. Auth plugins are measured with a kfp-v2 client, as used.
// This is the static import graph that bench/lib/bundle.mjs's `startupBytes` gzips chunk by chunk
// (figure 3's "code-split: gzip loaded at startup" column), as one file.
const dynamicImportsStayOut = {
  name: 'dynamic-imports-stay-out',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined,
    );
  },
};
const atStartup = (config) => ({
  ...config,
  platform: 'node',
  plugins: [...(config.plugins ?? []), dynamicImportsStayOut],
});

// What is loaded on use (runPipelinePackage's loader, kfp-pipeline-spec, kfp-metadata) has budgets of
// its own: their consumers import it statically, so it is counted, and what it loads in turn with
// import() (modern-tar for a .tar.gz, core's in-cluster reader) stays out as everywhere else.
//
// Limits sit about 3% above the size measured when they were set, or at issue 23's goal where it is
// reached. When a change grows a bundle on purpose, raise the limit in the same commit and say why.
const budget = (name, path, limit) => ({ name, path, limit, gzip: true, modifyEsbuildConfig: atStartup });

export default [
  // Startup of a client: 5.45 kB before issue 12 and the transport work of issue 14; 13.53 kB after
  // issue 20's hardening. Issue 23 (goal: 6 kB): 10.1 kB. The network-error diagnosis, the non-2xx path
  // (ApiError, hints, the credentials in headers, the body limit), the failure messages, the body-on-GET
  // Request and a plugin's own-call extras load when they happen. openapi-fetch itself is 2.6 kB of it.
  // The rest of core's own code runs synchronously when a client is created or a call succeeds: option
  // checks that name a typo at creation (with did-you-mean), the TLS, proxy and retry checks, the call
  // wrapper, the response guard, retries. Loading any of it later would make creation asynchronous or let
  // a typo through: the 4 kB left to the goal are not lazy loading. Redaction of unusual encodings stays:
  // it saves 0.19 kB at most, and a fallback that covers fewer encodings until it loads could leak one.
  budget('@ml-platform/core', 'bench/consumers/core.mjs', '10.4 kB'),
  // 16.2 kB (v1) and 16.13 kB (v2) before issue 23 (goal: 8 kB); 11.68 kB after it: core's part above, and
  // kfp-common's in-pod token lookup, namespace lookup and kubeconfig-step connection load on first use.
  // What stays is what a client needs at creation: the zero-config chain's choice of endpoint (it must
  // answer before the client exists) and its messages, the KFP option checks.
  budget('@ml-platform/kfp-v1', 'bench/consumers/kfp-v1.mjs', '12.05 kB'),
  budget('@ml-platform/kfp-v2', 'bench/consumers/kfp-v2.mjs', '12.05 kB'),
  // No undici: the endpoint and helpers need no transport. 1.17 kB.
  budget('@ml-platform/kfp-common', 'bench/consumers/kfp-common.mjs', '1.25 kB'),
  // The loader (PipelineSpec protobuf types, js-yaml, fflate, modern-tar) measured 66.1 kB when set;
  // 97.7 kB once YAML went through core's reader on the `yaml` package (js-yaml has no alias limit).
  // 100.63 kB with core's hardening beside it; 98.64 kB with core's and kfp-common's lazy paths out (issue 23).
  budget(
    '@ml-platform/kfp-v2 runPipelinePackage with its loader',
    'bench/consumers/kfp-v2-run-package.mjs',
    // 97.33 kB with the call path's non-2xx machinery out of core's startup (issue 23).
    '100.25 kB',
  ),
  // Meant to be loaded on demand (a dynamic import where a package is run), so it stays out of a
  // client's startup bundle. It needs no undici: one budget. 58.0 kB when set with js-yaml; 81.9 kB
  // with the `yaml` package (+24 kB), which core's bounded YAML reader needs for its alias limit.
  budget('@ml-platform/kfp-pipeline-spec', 'bench/consumers/kfp-pipeline-spec.mjs', '84 kB'),
  // MLMD over gRPC-Web, 52.8 kB when set: the two protos' schema descriptors (metadata_store.proto is large),
  // @bufbuild/protobuf's binary codec and connect's gRPC-Web transport; loaded by kfp-v2's
  // artifact helpers with import() on first use, so no KFP client starts with it. 53.12 kB (issue 23).
  // 52.18 kB with the rest of issue 23's lazy paths.
  budget('@ml-platform/kfp-metadata', 'bench/consumers/kfp-metadata.mjs', '53.75 kB'),
  // 13.41 kB after issue 20 (core's hardening, the resource table, the checked inference request); 12.27 kB
  // with core's network-error diagnosis loaded on the first failure, 9.97 kB with the rest of issue 23.
  budget('@ml-platform/seldon-deploy-v1alpha1', 'bench/consumers/seldon-deploy-v1alpha1.mjs', '10.3 kB'),
  // The auth plugins' own startup is issue 23's other part (goal: kfp-v2 + auth-oidc or auth-kubeconfig
  // <= 20 kB): each plugin loads its provider library, login flow or token read at the first credential.
  // After issue 20: 20.27 kB (core's hardening, bounded token-file reads); 18.21 kB (issue 23, core and kfp-common).
  // 16.02 kB with the whole of issue 23.
  budget('@ml-platform/auth-sa-token + kfp-v2', 'bench/consumers/auth-sa-token.mjs', '16.5 kB'),
  // After issue 20: 38.53 kB (core's hardening, redaction of exactly what was sent, the token-cache directory
  // check); 36.37 kB (issue 23, core and kfp-common).
  // 15.32 kB (goal reached): openid-client, oauth4webapi, the flow in use and the token cache load on the first token.
  budget('@ml-platform/auth-oidc + kfp-v2', 'bench/consumers/auth-oidc.mjs', '15.8 kB'),
  // tough-cookie's public-suffix list (tldts) and htmlparser2 with its entity tables (issue 12) were ~88 kB of
  // the 107.24 kB a one-file bundle carried; both load behind a dynamic import() at the first login, so
  // startup is 19.78 kB, and 17.65 kB with core's and kfp-common's lazy paths (issue 23).
  // 15.87 kB with the whole of issue 23 (the login page classifier and origin guard out of startup).
  budget('@ml-platform/auth-dex-session + kfp-v2', 'bench/consumers/auth-dex-session.mjs', '16.35 kB'),
  // yaml (the kubeconfig parser) is 36 kB of it; @kubernetes/client-node's loader alone is ~205 kB.
  // 62.9 kB after issue 20/21: core's bounded YAML reader and named-file reader, tls-server-name, the kfp-v2
  // client's zero-config step. As startup bytes (issue 23) the exec-plugin machinery (2.5 kB gzipped) is
  // out, a dynamic import loaded when a kubeconfig's user runs a credential plugin: 62.4 kB, and 60.23 kB
  // with core's and kfp-common's lazy paths.
  // 58.07 kB with the whole of issue 23. kubeServiceProxy() and kubeconfigAuth() read the kubeconfig when
  // called, synchronously, so the `yaml` package (~36 kB) is in their startup: the goal (20 kB) is out of
  // their reach without turning creation-time errors into first-request ones.
  budget('@ml-platform/auth-kubeconfig + kfp-v2', 'bench/consumers/auth-kubeconfig.mjs', '60 kB'),
  // The same through @ml-platform/auth-kubeconfig/async (issue 23): the kubeconfig is read at an await, JSON
  // without YAML, and the YAML parser loads only for a YAML file. 20.08 kB measured, 0.08 kB over the goal
  // since the plugin gained acquire() and diagnostics().
  budget(
    '@ml-platform/auth-kubeconfig/async + kfp-v2',
    'bench/consumers/auth-kubeconfig-async.mjs',
    '20.5 kB',
  ),
];
