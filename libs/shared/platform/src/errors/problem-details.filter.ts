import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { getTraceId } from '../logging/trace';
import { PROBLEM_CONTENT_TYPE, problemFromException } from './problem-details';

/**
 * The one global exception filter: every error leaves a service as RFC 9457
 * `application/problem+json` (see {@link problemFromException}). Server errors are logged
 * with their stack under the request's trace id; clients only see the generic detail.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetailsFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const traceId = getTraceId(req);
    const problem = problemFromException(exception, { instance: (req.originalUrl ?? req.url ?? '').split('?')[0], traceId });

    if (problem.status >= 500) {
      this.logger.error({ err: exception, traceId, code: problem.code }, 'Request failed with a server error');
    }
    if (res.headersSent) {
      res.end();
      return;
    }
    if (problem.status === 401) res.setHeader('WWW-Authenticate', 'Bearer');
    res.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }
}
