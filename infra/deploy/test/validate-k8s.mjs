// Validates Kubernetes objects against the Kubernetes OpenAPI schemas that the npm package
// `kubernetes-models` ships (one generated validator per kind and API version). It is an ES
// module only, so deploy.spec.ts runs this file with plain `node`: objects as JSON on stdin,
// one result per object as JSON on stdout.
const input = JSON.parse(
  await new Promise((resolve) => {
    let text = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk) => (text += chunk));
    process.stdin.on('end', () => resolve(text));
  }),
);

/** The model class of an object: `kubernetes-models/<apiVersion>` exports one class per kind (apps/v1 → Deployment, …). */
async function modelOf({ apiVersion, kind }) {
  try {
    return (await import(`kubernetes-models/${apiVersion}`))[kind];
  } catch {
    return undefined;
  }
}

const results = [];
for (const { file, object } of input) {
  const Model = await modelOf(object);
  const result = { file, kind: object.kind, name: object.metadata?.name };
  if (!Model) {
    results.push({ ...result, error: `no schema for ${object.apiVersion} ${object.kind}` });
    continue;
  }
  try {
    new Model(object).validate();
    results.push(result);
  } catch (error) {
    results.push({ ...result, error: error instanceof Error ? error.message : String(error) });
  }
}
process.stdout.write(JSON.stringify(results));
