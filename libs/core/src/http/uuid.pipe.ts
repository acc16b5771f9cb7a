import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { DomainError } from '../errors/domain-error';

import { UUID_TEXT } from './keyset';

/** Path ids are uuids; anything else is a 400 naming the parameter. */
@Injectable()
export class UuidPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (typeof value !== 'string' || !UUID_TEXT.test(value)) {
      const field = metadata.data ?? 'id';
      throw DomainError.validation([{ field, rule: 'isUuid', message: `${field} must be a UUID` }]);
    }
    return value.toLowerCase();
  }
}
