import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { ApiError } from '@textbank/contracts';
import { NotLeaderError, StoreDeadlineExceededError, StoreUnavailableError } from '@textbank/event-store';
import type { Response } from 'express';
import { ZodValidationException } from 'nestjs-zod';
import type { ZodError } from 'zod';

/**
 * Every error leaves as { statusCode, error, message, issues? }: a bad field
 * is named in issues[].path. Anything unexpected is logged and becomes a bare
 * 500 without internals.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return;
    const body = this.toBody(exception);
    if (body.statusCode === 503) response.setHeader('Retry-After', '5');
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ApiError {
    if (exception instanceof ZodValidationException) {
      const issues = (exception.getZodError() as ZodError).issues.map((issue) => ({ path: issue.path.join('.') || 'body', message: issue.message }));
      return { statusCode: 400, error: 'Bad Request', message: issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const raw = exception.getResponse();
      const fields = typeof raw === 'string' ? { message: raw } : (raw as { message?: unknown; issues?: ApiError['issues'] });
      const message = Array.isArray(fields.message) ? fields.message.join('; ') : String(fields.message ?? exception.message);
      return { statusCode: status, error: HttpStatus[status]?.replace(/_/g, ' ').toLowerCase().replace(/^\w|\s\w/g, (c) => c.toUpperCase()) ?? 'Error', message, ...(fields.issues && { issues: fields.issues }) };
    }
    const bodyParserError = exception as { status?: number; type?: string; message?: string };
    if (typeof bodyParserError.status === 'number' && bodyParserError.status >= 400 && bodyParserError.status < 500) {
      return { statusCode: bodyParserError.status, error: 'Bad Request', message: `Malformed request body: ${bodyParserError.message ?? bodyParserError.type}` };
    }
    if (exception instanceof StoreUnavailableError || exception instanceof NotLeaderError || exception instanceof StoreDeadlineExceededError) {
      // The store (EventStoreDB) is down or electing a leader: the client may try again; nothing was half-written
      // (an append whose answer was lost is found by its event ids when retried).
      this.logger.warn(exception.message);
      return { statusCode: 503, error: 'Service Unavailable', message: 'The event store cannot be reached right now; try again in a few seconds' };
    }
    this.logger.error(exception);
    return { statusCode: 500, error: 'Internal Server Error', message: 'Something went wrong; it has been logged' };
  }
}
