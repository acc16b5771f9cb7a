import type { MultipartFile } from '@fastify/multipart';
import { DomainError } from '@app/core';
import type { FastifyRequest } from 'fastify';

/** A return list as it came: a JSON body, or the bytes of a CSV file (multipart or text/csv). */
export type ReturneeUpload = { source: 'json'; body: unknown } | { source: 'csv'; bytes: Buffer };

const TOO_LARGE = new Set(['FST_REQ_FILE_TOO_LARGE', 'FST_PARTS_LIMIT', 'FST_FILES_LIMIT', 'FST_FIELDS_LIMIT']);

/** Reads the list from the request whatever its form; the multipart file is the first file part. */
export async function readReturneeUpload(request: FastifyRequest): Promise<ReturneeUpload> {
  if (request.isMultipart()) {
    let file: MultipartFile | undefined;
    try {
      file = await request.file();
      if (file === undefined) throw missingFile();
      return { source: 'csv', bytes: await file.toBuffer() };
    } catch (error) {
      if (error instanceof DomainError) throw error;
      const code = (error as { code?: unknown }).code;
      if (typeof code === 'string' && TOO_LARGE.has(code)) {
        throw new DomainError('payload_too_large', 'The file is too large for one list (at most 2,000 rows)');
      }
      throw DomainError.validation([
        { field: 'file', rule: 'multipart', message: 'The multipart body could not be read; send one file' },
      ]);
    }
  }
  if (Buffer.isBuffer(request.body)) return { source: 'csv', bytes: request.body };
  return { source: 'json', body: request.body };
}

function missingFile(): DomainError {
  return DomainError.validation([
    { field: 'file', rule: 'required', message: 'The multipart body holds no file: send the CSV as a file part' },
  ]);
}
