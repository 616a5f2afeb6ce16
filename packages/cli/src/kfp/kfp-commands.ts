import type { Command } from 'commander';
import { examples, lazyAction } from '../action.js';

const runs = () => import('./run-actions.js');
const runLogs = () => import('./run-logs.js');
const runArtifacts = () => import('./run-artifacts.js');
const runMetrics = () => import('./run-metrics.js');
const experiments = () => import('./experiment-actions.js');
const pipelines = () => import('./pipeline-actions.js');
const recurringRuns = () => import('./recurring-run-actions.js');

/** Options of every list command, named as in the kfp CLI. */
function listOptions(command: Command): Command {
  return command
    .option(
      '--page-token <token>',
      'Start at this page (printed as "Next page" by the page before); one page only.',
    )
    .option('-m, --max-size <n>', 'List at most this many items (the page size with --page-token).', '100')
    .option('--sort-by <field>', 'Sort, e.g. "created_at desc".', 'created_at desc')
    .option('--filter <json>', 'KFP filter JSON, e.g. \'{"predicates":[...]}\'.');
}

/** Commands that delete or stop something ask first on a terminal, and need --yes anywhere else. */
function confirmOption(command: Command): Command {
  return command.option('-y, --yes', 'Do not ask for confirmation (required when stdin is not a terminal).');
}

function watchOptions(command: Command): Command {
  return command
    .option(
      '-t, --timeout <seconds>',
      'With --watch: stop watching after this long (exit 5; the run continues).',
    )
    .option(
      '--terminate-on-interrupt',
      'With --watch: Ctrl-C terminates the run instead of leaving it running.',
    );
}

export function addKfpCommands(program: Command): void {
  const kfp = program
    .command('kfp')
    .description("Kubeflow Pipelines (API v2beta1), with the kfp CLI's options.");

  // kfp takes the plural of each group too (`kfp runs list`).
  const run = kfp.command('run').alias('runs').description('Start, watch and manage runs.');
  examples(
    watchOptions(
      run
        .command('create')
        .alias('submit')
        .description(
          'Run a compiled pipeline package or an uploaded pipeline (parameters checked before anything is sent).',
        )
        .argument('[parameters...]', 'Pipeline parameters as KEY=VALUE.')
        .option('-f, --package-file <path>', 'Compiled pipeline (.yaml, .json, .zip, .tar.gz), sent inline.')
        .option('-p, --pipeline-id <id>', 'An uploaded pipeline, by id.')
        .option('-n, --pipeline-name <name>', 'An uploaded pipeline, by name.')
        .option('-v, --version <id>', 'With -p or -n: this pipeline version id (default: the newest).')
        .option('-e, --experiment-name <name>', 'Experiment to file the run under (created when missing).')
        .option('--experiment-id <id>', 'Experiment id instead of a name.')
        .option('-r, --run-name <name>', 'Name shown in the UI (default: pipeline name and time).')
        .option('-d, --description <text>', 'Run description.')
        .option('--pipeline-root <uri>', 'Root of the output artifacts, e.g. s3://bucket/runs.')
        .option('--service-account <name>', "ServiceAccount of the run's pods.")
        .option('--no-enable-caching', 'Run every task even when a cached result exists.')
        .option('-w, --watch', 'Watch the run until it finishes.'),
    ),
    [
      'mlp kfp run create -f pipeline.yaml -e demo learning_rate=0.1 epochs=3',
      'mlp kfp run create -f pipeline.yaml -e demo -w -t 3600',
      'mlp kfp run create -n train -e demo epochs=3',
    ],
  ).action(lazyAction(runs, 'runCreate'));
  examples(
    listOptions(
      run
        .command('list')
        .description('List runs of the namespace (or of one experiment).')
        .option('-e, --experiment-id <id>', 'Only runs of this experiment.'),
    ),
    ['mlp kfp run list', 'mlp kfp run list -e 3f1c... -m 10 --output json'],
  ).action(lazyAction(runs, 'runList'));
  examples(
    watchOptions(
      run
        .command('get')
        .description('Show a run; with --watch, follow it until it finishes.')
        .argument('<run-id>')
        .option('-w, --watch', 'Watch the run until it finishes.')
        .option('-d, --detail', 'Print the whole run as JSON.'),
    ),
    ['mlp kfp run get 5e0b...', 'mlp kfp run get 5e0b... -w'],
  ).action(lazyAction(runs, 'runGet'));
  for (const [name, what] of [
    ['archive', 'Archive a run.'],
    ['unarchive', 'Restore an archived run.'],
  ] as const) {
    examples(run.command(name).description(what).argument('<run-id>'), [
      `mlp kfp run ${name} 5e0b...`,
    ]).action(lazyAction(runs, 'runChange'));
  }
  for (const [name, what] of [
    ['delete', 'Delete a run (asks first).'],
    ['terminate', 'Stop a running run (asks first; it moves through CANCELING to CANCELED).'],
  ] as const) {
    examples(confirmOption(run.command(name).description(what).argument('<run-id>')), [
      `mlp kfp run ${name} 5e0b...`,
      `mlp kfp run ${name} 5e0b... --yes`,
    ]).action(lazyAction(runs, 'runChange'));
  }

  examples(
    run
      .command('logs')
      .description("Print a task's log, or every task's with a prefix per task.")
      .argument('<run-id>')
      .option('--task <name>', 'Only this task (a name, or a task id when loop iterations share the name).')
      .option('-f, --follow', 'Keep printing new lines until the tasks end.'),
    ['mlp kfp run logs 5e0b... --task train', 'mlp kfp run logs 5e0b... -f'],
  ).action(lazyAction(runLogs, 'runLogs'));
  examples(
    run
      .command('artifacts')
      .description("List a run's output artifacts; --download writes them.")
      .argument('<run-id>')
      .option('--download <dir>', 'Write each artifact below this directory, as <task>/<name>.'),
    ['mlp kfp run artifacts 5e0b...', 'mlp kfp run artifacts 5e0b... --download ./outputs'],
  ).action(lazyAction(runArtifacts, 'runArtifacts'));
  examples(
    run
      .command('metrics')
      .description('Compare the scalar metrics of runs: runs as columns, metrics as rows.')
      .argument('<run-id...>'),
    ['mlp kfp run metrics 5e0b... 7a1c...', 'mlp kfp run metrics 5e0b... --output json'],
  ).action(lazyAction(runMetrics, 'runMetrics'));

  const experiment = kfp.command('experiment').alias('experiments').description('Manage experiments.');
  examples(
    experiment
      .command('create')
      .description('Create an experiment.')
      .argument('<name>')
      .option('-d, --description <text>', 'Experiment description.'),
    ['mlp kfp experiment create nightly -d "nightly training runs"'],
  ).action(lazyAction(experiments, 'experimentCreate'));
  examples(listOptions(experiment.command('list').description('List experiments of the namespace.')), [
    'mlp kfp experiment list --output yaml',
  ]).action(lazyAction(experiments, 'experimentList'));
  examples(experiment.command('get').description('Show an experiment.').argument('<experiment-id>'), [
    'mlp kfp experiment get 3f1c...',
  ]).action(lazyAction(experiments, 'experimentGet'));
  for (const [name, what] of [
    ['archive', 'Archive an experiment (and its runs).'],
    ['unarchive', 'Restore an archived experiment.'],
    ['delete', 'Delete an experiment (asks first).'],
  ] as const) {
    const change = experiment
      .command(name)
      .description(what)
      .argument('[experiment-id]')
      .option('--experiment-id <id>', 'The experiment, by id.')
      .option('--experiment-name <name>', 'The experiment, by name.');
    examples(name === 'delete' ? confirmOption(change) : change, [
      `mlp kfp experiment ${name} --experiment-name nightly`,
    ]).action(lazyAction(experiments, 'experimentChange'));
  }

  const pipeline = kfp
    .command('pipeline')
    .alias('pipelines')
    .description('Upload and manage pipelines and their versions.');
  examples(
    pipeline
      .command('upload')
      .alias('create')
      .description('Upload a compiled pipeline as a new pipeline.')
      .argument('<package-file>')
      .option('-p, --pipeline-name <name>', 'Pipeline name (default: the name in the package).')
      .option('-d, --description <text>', 'Pipeline description.'),
    ['mlp kfp pipeline upload -p train pipeline.yaml'],
  ).action(lazyAction(pipelines, 'pipelineUpload'));
  examples(
    pipeline
      .command('upload-version')
      .alias('create-version')
      .description('Upload a compiled pipeline as a new version of an existing pipeline.')
      .argument('<package-file>')
      .option('-p, --pipeline-id <id>', 'The pipeline, by id.')
      .option('-n, --pipeline-name <name>', 'The pipeline, by name.')
      .option('-v, --pipeline-version <name>', 'Name of the new version.')
      .option('-d, --description <text>', 'Version description.'),
    ['mlp kfp pipeline upload-version -n train -v v2 pipeline.yaml'],
  ).action(lazyAction(pipelines, 'pipelineUploadVersion'));
  examples(listOptions(pipeline.command('list').description('List pipelines.')), [
    'mlp kfp pipeline list',
  ]).action(lazyAction(pipelines, 'pipelineList'));
  examples(pipeline.command('get').description('Show a pipeline.').argument('<pipeline-id>'), [
    'mlp kfp pipeline get 9b2f...',
  ]).action(lazyAction(pipelines, 'pipelineGet'));
  examples(
    listOptions(pipeline.command('list-versions').description('List the versions of a pipeline.')).argument(
      '<pipeline-id>',
    ),
    ['mlp kfp pipeline list-versions 9b2f...'],
  ).action(lazyAction(pipelines, 'pipelineListVersions'));
  examples(
    pipeline
      .command('get-version')
      .description('Show a pipeline version.')
      .argument('<pipeline-id>')
      .argument('<version-id>'),
    ['mlp kfp pipeline get-version 9b2f... c81d...'],
  ).action(lazyAction(pipelines, 'pipelineGetVersion'));
  examples(
    confirmOption(
      pipeline
        .command('delete')
        .description('Delete a pipeline (asks first); KFP keeps one with versions unless --cascade.')
        .argument('<pipeline-id>')
        .option('--cascade', 'Delete its versions too.'),
    ),
    ['mlp kfp pipeline delete 9b2f...', 'mlp kfp pipeline delete 9b2f... --cascade --yes'],
  ).action(lazyAction(pipelines, 'pipelineDelete'));
  examples(
    confirmOption(
      pipeline
        .command('delete-version')
        .description('Delete a pipeline version (asks first).')
        .argument('<pipeline-id>')
        .argument('<version-id>'),
    ),
    ['mlp kfp pipeline delete-version 9b2f... c81d...'],
  ).action(lazyAction(pipelines, 'pipelineDeleteVersion'));

  const recurring = kfp
    .command('recurring-run')
    .alias('recurring-runs')
    .description('Schedule and manage recurring runs.');
  examples(
    recurring
      .command('create')
      .description('Schedule runs of a pipeline package or an uploaded pipeline.')
      .argument('[parameters...]', 'Pipeline parameters as KEY=VALUE.')
      .requiredOption('-j, --job-name <name>', 'Name of the recurring run.')
      .option('-f, --pipeline-package-path <path>', 'Compiled pipeline, sent inline.')
      .option('--pipeline-id <id>', 'An uploaded pipeline instead of a package.')
      .option('--version-id <id>', 'With --pipeline-id: this version (default: the latest at each run).')
      .option('-e, --experiment-id <id>', 'Experiment the runs belong to.')
      .option('--experiment-name <name>', 'Experiment by name (created when missing).')
      .option('--cron-expression <cron>', "Six-field cron, seconds first: '0 0 2 * * *'.")
      .option('--interval-second <seconds>', 'Run every this many seconds.')
      .option('--max-concurrency <n>', 'Runs at the same time (1-10).', '1')
      .option('--start-time <iso>', 'First possible run (ISO 8601).')
      .option('--end-time <iso>', 'Last possible run (ISO 8601).')
      .option('--no-catchup', 'Skip the runs missed while paused.')
      .option('--disabled', 'Create it disabled.')
      .option('-d, --description <text>', 'Description.'),
    [
      "mlp kfp recurring-run create -j nightly --experiment-name demo -f pipeline.yaml --cron-expression '0 0 2 * * *'",
    ],
  ).action(lazyAction(recurringRuns, 'recurringRunCreate'));
  examples(
    listOptions(
      recurring
        .command('list')
        .description('List recurring runs.')
        .option('-e, --experiment-id <id>', 'Only those of this experiment.'),
    ),
    ['mlp kfp recurring-run list'],
  ).action(lazyAction(recurringRuns, 'recurringRunList'));
  for (const [name, what] of [
    ['get', 'Show a recurring run.'],
    ['enable', 'Enable a recurring run.'],
    ['disable', 'Pause a recurring run.'],
    ['delete', 'Delete a recurring run (asks first).'],
  ] as const) {
    const change = recurring.command(name).description(what).argument('<recurring-run-id>');
    examples(name === 'delete' ? confirmOption(change) : change, [
      `mlp kfp recurring-run ${name} a7c2...`,
    ]).action(lazyAction(recurringRuns, name === 'get' ? 'recurringRunGet' : 'recurringRunChange'));
  }
}
