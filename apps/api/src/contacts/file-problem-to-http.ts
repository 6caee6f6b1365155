import { BadRequestException, HttpException, HttpStatus, UnsupportedMediaTypeException } from '@nestjs/common';
import type { ContactImportError } from '@textbank/contact-import';

/** A file that cannot be imported at all, as one clear 4xx: what was wrong, and where when known. */
export function fileProblemToHttp(error: ContactImportError): HttpException {
  const where = error.line === null ? '' : ` (line ${error.line})`;
  const message = `${error.message}${where}`;
  switch (error.problem) {
    case 'binary_file':
      return new UnsupportedMediaTypeException(message);
    case 'workers_unavailable':
      return new HttpException(message, HttpStatus.SERVICE_UNAVAILABLE);
    case 'phone_not_mapped':
    case 'invalid_mapping':
      return new BadRequestException({ message, issues: [{ path: 'mapping', message }] });
    default:
      return new BadRequestException({ message, issues: [{ path: 'file', message }] });
  }
}
