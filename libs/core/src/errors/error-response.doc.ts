import { ApiProperty, ApiPropertyOptional, getSchemaPath, OpenAPIObject } from '@nestjs/swagger';

export class FieldProblemResponse {
  @ApiProperty({ example: 'person.dateOfBirth', description: 'Path of the refused field' })
  field: string;
  @ApiProperty({ example: 'isIso8601', description: 'The rule it failed; `unknown_field` for a field not allowed' })
  rule: string;
  @ApiProperty({ example: 'dateOfBirth must be a date like 1991-03-14' })
  message: string;
  @ApiPropertyOptional({ description: 'A return list: the row (from 1) the problem is in' })
  row?: number;
  @ApiPropertyOptional({ description: 'A return list sent as CSV: the line of the file' })
  line?: number;
}

export class ErrorResponse {
  @ApiProperty({ example: 400 }) statusCode: number;
  @ApiProperty({ example: 'Bad Request' }) error: string;
  @ApiProperty({ example: 'Invalid request: person.dateOfBirth' }) message: string;
  @ApiProperty({ description: 'Also in the x-request-id header; quote it when reporting a problem' })
  requestId: string;
  @ApiPropertyOptional({
    description:
      'A 400: one entry per refused field of the request, or per problem of a row of a return list (FieldProblemResponse). A 409 on a stale version: {currentVersion}. ' +
      'A 422 on a forbidden status move: {from, to, allowed}.',
    oneOf: [{ type: 'array', items: { $ref: getSchemaPath(FieldProblemResponse) } }, { type: 'object' }],
  })
  details?: FieldProblemResponse[] | Record<string, unknown>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const JSON_ERROR = { 'application/json': { schema: { $ref: getSchemaPath(ErrorResponse) } } };
const BAD_REQUEST =
  'Invalid request: `details` names each refused field and its rule (an unknown field, a missing or malformed ' +
  'value, an id that is not a UUID)';

/**
 * Completes the generated document's error answers: every 4xx and 5xx answer gets the error body's
 * schema, and every operation that takes input (a body, a query or a path parameter) a 400, which
 * the global validation gives without each route declaring it. Pass the error models as
 * `extraModels` when creating the document.
 */
export function documentErrorResponses(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const takesInput = operation.requestBody !== undefined || (operation.parameters ?? []).length > 0;
      if (takesInput && !operation.responses['400']) operation.responses['400'] = { description: BAD_REQUEST };
      for (const [status, response] of Object.entries(operation.responses)) {
        if (!response || !/^[45]\d\d$/.test(status) || '$ref' in response || response.content) continue;
        response.content = JSON_ERROR;
      }
    }
  }
  return document;
}

export const ERROR_MODELS = [ErrorResponse, FieldProblemResponse];
