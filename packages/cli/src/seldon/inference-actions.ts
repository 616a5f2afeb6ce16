import type { InferenceRequest } from '@ml-platform/seldon-deploy-v1alpha1';
import type { Invocation } from '../action.js';
import { connectSeldon } from '../connection/clients.js';
import { printResult } from '../output/print.js';
import { readJsonRequest } from './read-document.js';

interface RequestFlags {
  data?: string;
  file?: string;
  /** The name is a Core v2 pipeline, not a SeldonDeployment. */
  pipeline?: boolean;
}

const OIP_EXAMPLE =
  '{"inputs":[{"name":"predict","shape":[1,4],"datatype":"FP32","data":[5.1,3.5,1.4,0.2]}]}';

/** An answer has no table form: JSON unless YAML was asked for. */
const asDocument = (globals: Invocation['globals']) => ({
  ...globals,
  output: globals.output === 'yaml' ? ('yaml' as const) : ('json' as const),
});

/** `mlp seldon infer NAME -f request.json`: an Open Inference Protocol (V2) request, checked before it is sent. */
export async function infer({ args: [name = ''], options, globals }: Invocation<RequestFlags>) {
  const request = (await readJsonRequest(options, OIP_EXAMPLE)) as InferenceRequest;
  const { client, namespace } = await connectSeldon(globals);
  const seldon = await import('@ml-platform/seldon-deploy-v1alpha1');
  // The library checks the request (inputs, shapes, datatypes) and names what is wrong.
  const answer = options.pipeline
    ? await seldon.inferSeldonPipeline(client, namespace, name, request)
    : await seldon.inferSeldonDeployment(client, namespace, name, request);
  await printResult(asDocument(globals), answer, []);
}

/** `mlp seldon explain NAME -f request.json`: the explainer's answer for a request in the model's protocol. */
export async function explain({ args: [name = ''], options, globals }: Invocation<RequestFlags>) {
  const payload = await readJsonRequest(options, '{"data":{"ndarray":[[5.1,3.5,1.4,0.2]]}}');
  const { client, namespace } = await connectSeldon(globals);
  const seldon = await import('@ml-platform/seldon-deploy-v1alpha1');
  const answer = options.pipeline
    ? await seldon.explainSeldonPipeline(client, namespace, name, payload)
    : await seldon.explainSeldonDeployment(client, namespace, name, payload);
  await printResult(asDocument(globals), answer, []);
}
