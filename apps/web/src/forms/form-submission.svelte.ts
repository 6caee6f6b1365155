import type { ApiError } from '@textbank/contracts';
import type { ApiResult } from '../api/api-client';
import { placeErrors, type FieldErrors } from '../api/field-errors';
import { validateRequest, type RequestSchema } from '../api/validate-request';

/**
 * One form's submit cycle: check with the contract schema, send, and place any
 * 400 issues next to their fields. Callers handle success and the statuses
 * that need their own words (401, 409, 429).
 */
export class FormSubmission {
  errors = $state<FieldErrors>({});
  problems = $state<string[]>([]);
  busy = $state(false);

  constructor(private readonly fieldPaths: readonly string[]) {}

  async submit<Request, Response>(
    schema: RequestSchema<Request>,
    input: unknown,
    send: (request: Request) => Promise<ApiResult<Response>>,
  ): Promise<ApiResult<Response>> {
    this.clear();
    const checked = validateRequest(schema, input);
    if (!checked.ok) return this.failed(checked.error);
    this.busy = true;
    try {
      const result = await send(checked.value);
      return result.ok ? result : this.failed(result.error);
    } finally {
      this.busy = false;
    }
  }

  /** Replaces the form-level message, e.g. with friendlier words for a 409. */
  explain(problem: string): void {
    this.problems = [problem];
  }

  clear(): void {
    this.errors = {};
    this.problems = [];
  }

  private failed<T>(error: ApiError): ApiResult<T> {
    const placed = placeErrors(error, this.fieldPaths);
    this.errors = placed.fields;
    this.problems = placed.others;
    return { ok: false, error };
  }
}
