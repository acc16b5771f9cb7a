export type ErrorCode =
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'version_conflict'
  | 'invalid_transition'
  | 'unprocessable'
  | 'too_many_requests'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'service_unavailable';

export interface FieldProblem {
  field: string;
  rule: string;
  message: string;
}

/** An error the domain raises on purpose; the exception filter maps its code to an HTTP status. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: FieldProblem[] | Record<string, unknown>,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static notFound(entity: string): DomainError {
    return new DomainError('not_found', `${entity} not found`);
  }

  static forbidden(message = 'You are not allowed to do this'): DomainError {
    return new DomainError('forbidden', message);
  }

  static validation(details: FieldProblem[]): DomainError {
    const fields = [...new Set(details.map((d) => d.field))].join(', ');
    return new DomainError('validation_failed', `Invalid request: ${fields}`, details);
  }
}

/** Exhaustive: adding a code without a status fails the type-check. */
export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case 'validation_failed':
      return 400;
    case 'unauthenticated':
      return 401;
    case 'forbidden':
      return 403;
    case 'not_found':
      return 404;
    case 'conflict':
    case 'version_conflict':
      return 409;
    case 'payload_too_large':
      return 413;
    case 'unsupported_media_type':
      return 415;
    case 'invalid_transition':
    case 'unprocessable':
      return 422;
    case 'too_many_requests':
      return 429;
    case 'service_unavailable':
      return 503;
    default: {
      const never: never = code;
      throw new Error(`Unmapped error code ${String(never)}`);
    }
  }
}
