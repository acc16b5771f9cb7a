import type { FastifyInstance } from 'fastify';
import { DomainError } from '../errors/domain-error';

/**
 * Parses JSON bodies with bounded nesting. A body nested thousands of levels deep would
 * otherwise overflow the stack in the validation pipe and answer 500.
 */
export function registerJsonParser(fastify: FastifyInstance, maxDepth: number, bodyLimit: number): void {
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit }, (_request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') {
      done(null, undefined);
      return;
    }
    if (exceedsDepth(text, maxDepth)) {
      done(new DomainError('validation_failed', `The JSON body is nested deeper than ${maxDepth} levels`), undefined);
      return;
    }
    try {
      done(null, JSON.parse(text, refusePrototypeKeys));
    } catch (error) {
      if (error instanceof DomainError) {
        done(error, undefined);
        return;
      }
      done(new DomainError('validation_failed', 'The body is not valid JSON'), undefined);
    }
  });
}

function refusePrototypeKeys(key: string, value: unknown): unknown {
  if (key === '__proto__' || key === 'constructor' || key === 'prototype') {
    throw new DomainError('validation_failed', `The field name "${key}" is not allowed`);
  }
  return value;
}

/** Scans the text once, counting brackets outside strings, without recursion. */
export function exceedsDepth(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      depth++;
      if (depth > maxDepth) return true;
    } else if (c === 125 || c === 93) depth--;
  }
  return false;
}
