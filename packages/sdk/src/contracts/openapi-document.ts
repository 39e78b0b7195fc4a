import * as z from 'zod';
import { apiErrorBodySchema, CONTRACTS_API_ROUTES } from './contracts-api.js';

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.core.$ZodType, io: 'input' | 'output'): JsonSchema {
  // Refinements that JSON Schema cannot state (a zone exists, a rule parses) are checked by the server.
  const { $schema: _, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    target: 'draft-2020-12',
  }) as JsonSchema;
  return rest;
}

function queryParameters(schema: z.ZodObject): JsonSchema[] {
  const shape = jsonSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(shape.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: (shape.required ?? []).includes(name),
    schema: property,
  }));
}

/**
 * The OpenAPI 3.1 document of the contracts API, generated from the same zod schemas the client and the server use.
 *
 * @example
 * writeFileSync('openapi.json', JSON.stringify(contractsOpenApiDocument({ serverUrl: 'https://contracts.example.com/api/v1' }), null, 2));
 */
export function contractsOpenApiDocument(
  options: { serverUrl?: string; version?: string } = {},
): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const errorResponse = {
    description: 'Error',
    content: { 'application/json': { schema: jsonSchema(apiErrorBodySchema, 'output') } },
  };
  for (const route of CONTRACTS_API_ROUTES) {
    const parameters: JsonSchema[] = [];
    for (const name of route.path.match(/\{(\w+)\}/g) ?? []) {
      parameters.push({ name: name.slice(1, -1), in: 'path', required: true, schema: { type: 'string' } });
    }
    if ('query' in route && route.query) parameters.push(...queryParameters(route.query as z.ZodObject));
    if ('ifMatch' in route && route.ifMatch) {
      parameters.push({
        name: 'If-Match',
        in: 'header',
        required: true,
        schema: { type: 'string' },
        description: "The resource's ETag",
      });
    }
    const status = String('status' in route ? route.status : 200);
    const operation: Record<string, unknown> = {
      operationId: route.id,
      summary: route.summary,
      parameters,
      responses: {
        [status]:
          'response' in route && route.response
            ? { description: 'OK', content: { 'application/json': { schema: jsonSchema(route.response, 'output') } } }
            : { description: 'No content' },
        '400': errorResponse,
        '401': errorResponse,
        '404': errorResponse,
        '409': errorResponse,
        ...('ifMatch' in route && route.ifMatch ? { '412': errorResponse } : {}),
      },
      security: [{ bearer: [] }],
    };
    if ('body' in route && route.body) {
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: jsonSchema(route.body, 'input') } },
      };
    }
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operation };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Contractbeheer contracts API',
      version: options.version ?? '1',
      description:
        'Service contracts for OutSmart: contracts, schedules, budgets, terms, SLA policies, cancellation reasons.',
    },
    servers: [{ url: options.serverUrl ?? '/api/v1' }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths,
  };
}
