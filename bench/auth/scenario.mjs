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
 *
 * @typedef {object} ReadyScenario
 * @property {() => Promise<PluginInstance>} createPlugin a fresh plugin with an empty credential cache
 * @property {() => Promise<void>} teardown stops whatever setup started
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
