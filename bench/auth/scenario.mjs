// What every auth scenario provides to the figures. A scenario knows how to
// build its plugin against the bench API server (plus any identity provider it
// needs) and how to count its credential acquisitions from the outside.

/**
 * @typedef {Awaited<ReturnType<typeof import('../lib/api-server.mjs').startApiServer>>} ApiServer
 *
 * @typedef {object} PluginInstance
 * @property {import('@ml-platform/core').AuthPlugin} plugin
 * @property {() => Promise<number>} acquisitions credentials obtained so far (token fetches, file reads, logins)
 * @property {() => void} [dispose] releases what the plugin holds (watchers, timers) once it is no longer used
 * @property {() => Record<string, string>} [referenceHeaders] for a scenario with its own `target`: the headers
 *   that make raw fetch and bare openapi-fetch send what the plugin sends (read once the credential is cached)
 *
 * @typedef {object} ReadyScenario
 * @property {() => Promise<PluginInstance>} createPlugin a fresh plugin with an empty credential cache
 * @property {() => Promise<void>} teardown stops whatever setup started
 * @property {import('../lib/contenders.mjs').Target & { label: string }} [target] where the plugin's requests must
 *   go when not to the bench API server (a login gateway that only accepts its own session); the request
 *   overhead figure then measures raw fetch and bare openapi-fetch against that server too
 *
 * @typedef {object} AuthScenario
 * @property {string} id
 * @property {string} label
 * @property {string | undefined} acquisitionUnit what one acquisition is; undefined when nothing is acquired
 * @property {(context: { api: ApiServer }) => Promise<ReadyScenario | { notMeasured: string, detail?: string }>} setup
 */

/**
 * The scenario result for a plugin whose package is still the `export {};`
 * placeholder: a clearly-labelled row, never a made-up number.
 * @param {string} packageName @param {Record<string, unknown>} module @param {string} factory
 */
export function notLandedUnless(packageName, module, factory) {
  return typeof module[factory] === 'function'
    ? undefined
    : {
        notMeasured: 'not measured: package not landed',
        detail: `${packageName} does not export ${factory} yet`,
      };
}
