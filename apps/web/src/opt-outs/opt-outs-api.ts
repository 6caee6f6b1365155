import { CommandAccepted, OptOutPage, type AddOptOutRequest } from '@textbank/contracts';
import { apiGet, apiSend, type ApiResult, type ResponseSchema } from '../api/api-client';
import { sendCsv } from '../contacts/send-csv';

export const OPT_OUTS_PAGE_SIZE = 50;

/** The answer to an import: numbers now on the list from the file, and rows that held no number. */
export interface OptOutImport {
  added: number;
  invalid: number;
}

// The contracts have no schema for this answer yet; its two counts are checked by hand.
const OptOutImportAnswer: ResponseSchema<OptOutImport> = {
  safeParse(input) {
    const value = input as Partial<OptOutImport> | null;
    return typeof value?.added === 'number' && typeof value.invalid === 'number'
      ? { success: true, data: { added: value.added, invalid: value.invalid } }
      : { success: false, error: { message: 'expected { added, invalid }' } };
  },
};

export function fetchOptOuts(search: string, page: number): Promise<ApiResult<OptOutPage>> {
  const params = new URLSearchParams({ limit: String(OPT_OUTS_PAGE_SIZE), offset: String((Math.max(1, page) - 1) * OPT_OUTS_PAGE_SIZE) });
  if (search.trim()) params.set('search', search.trim().slice(0, 40));
  return apiGet(`/api/opt-outs?${params.toString()}`, OptOutPage);
}

/** One number as typed; 400 naming `phone` when it is not a phone number. The answer's id is the number in E.164. */
export function addOptOut(request: AddOptOutRequest): Promise<ApiResult<CommandAccepted>> {
  return apiSend('POST', '/api/opt-outs', request, CommandAccepted);
}

export function importOptOuts(file: File): Promise<ApiResult<OptOutImport>> {
  return sendCsv({ url: '/api/opt-outs/import', body: file }, OptOutImportAnswer);
}
