import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildOfflineOpenApiDocument } from '../../scripts/openapi/offline-document.js';
import { GENERATED_FILES, renderDocumentJson, renderWebSchema } from '../../scripts/openapi/render.js';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const STALE = 'stale generated file: run `npm run openapi -w @fleet/api` and commit the result';

// The checked-in document and the web app's types must be what the app module produces now: a
// controller or DTO changed without regenerating fails here, not in the web app at runtime.
// `npm run openapi` runs this file with --update, which (re)writes both files. It runs under
// vitest on purpose: vitest's transform emits decorator metadata like tsc does for dist/, so the
// document is byte-for-byte the one /api/docs-json serves (tsx/esbuild would drop the reflected
// @Body/@Param schemas and produce a different document).
describe('generated OpenAPI files', () => {
  let documentJson: string;

  beforeAll(async () => {
    documentJson = renderDocumentJson(await buildOfflineOpenApiDocument());
  });

  it(`${GENERATED_FILES.document} is the document the app serves`, async () => {
    await expect(documentJson).toMatchFileSnapshot(resolve(repoRoot, GENERATED_FILES.document), STALE);
  });

  it(`${GENERATED_FILES.webSchema} is generated from that document`, async () => {
    const webSchema = await renderWebSchema(documentJson);
    await expect(webSchema).toMatchFileSnapshot(resolve(repoRoot, GENERATED_FILES.webSchema), STALE);
  });

  it('resolves every $ref inside the document', () => {
    const doc = JSON.parse(documentJson) as { components: { schemas: Record<string, unknown> } };
    const refs = [...documentJson.matchAll(/"\$ref": "([^"]+)"/g)].map((match) => match[1] ?? '');
    expect(refs.length).toBeGreaterThan(0);
    const dangling = refs.filter(
      (ref) => !(ref.replace('#/components/schemas/', '') in doc.components.schemas),
    );
    expect(dangling).toEqual([]);
  });
});
