// @vitest-environment node
/** The committed API types are those that openapi-typescript makes from docs/openapi.yaml, the backend's schema. */
import { readFileSync } from 'node:fs'
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript'
import { expect, it } from 'vitest'

const schemaFile = new URL('../../../docs/openapi.yaml', import.meta.url)
const typesFile = new URL('./schema.d.ts', import.meta.url)

it('src/api/schema.d.ts matches docs/openapi.yaml', async () => {
  // What `npm run generate:api` writes: the CLI's header, then the types.
  const generated = COMMENT_HEADER + astToString(await openapiTS(schemaFile, { silent: true }))
  const committed = readFileSync(typesFile, 'utf8')
  expect(committed, 'src/api/schema.d.ts is out of date with docs/openapi.yaml: run make schema').toBe(generated)
})
