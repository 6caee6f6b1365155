import { CommandAccepted, ContactPage, ContactSummary, UploadList, UploadPreview, UploadSummary, type ColumnMappingSchema } from '@textbank/contracts';
import { apiGet, apiSend, type ApiResult } from '../api/api-client';
import { contactsQuery, type ContactFilter } from './contact-filters';
import { sendCsv } from './send-csv';

/** The preview reads only the start of the file: enough for the headers, the first rows and the encoding. */
export const PREVIEW_BYTES = 262_144;

const campaignPath = (campaignId: string) => `/api/campaigns/${encodeURIComponent(campaignId)}`;

export function fetchContacts(campaignId: string, filter: ContactFilter, page: number): Promise<ApiResult<ContactPage>> {
  return apiGet(`${campaignPath(campaignId)}/contacts?${contactsQuery(filter, page)}`, ContactPage);
}

export function fetchContactSummary(campaignId: string): Promise<ApiResult<ContactSummary>> {
  return apiGet(`${campaignPath(campaignId)}/contacts/summary`, ContactSummary);
}

export function fetchUploads(campaignId: string): Promise<ApiResult<UploadList>> {
  return apiGet(`${campaignPath(campaignId)}/uploads`, UploadList);
}

/** Discards an interrupted upload; 409 once it completed. */
export function discardUpload(campaignId: string, uploadId: string): Promise<ApiResult<CommandAccepted>> {
  return apiSend('DELETE', `${campaignPath(campaignId)}/uploads/${encodeURIComponent(uploadId)}`, undefined, CommandAccepted);
}

export function rejectsHref(campaignId: string, uploadId: string): string {
  return `${campaignPath(campaignId)}/uploads/${encodeURIComponent(uploadId)}/rejects.csv`;
}

/** Headers, first rows and a guessed mapping, from the file's first 256 KB. */
export function previewUpload(campaignId: string, file: Blob): Promise<ApiResult<UploadPreview>> {
  return sendCsv({ url: `${campaignPath(campaignId)}/uploads/preview`, body: file.slice(0, PREVIEW_BYTES) }, UploadPreview);
}

/**
 * The whole file with its mapping. `idempotencyKey` is made once per chosen
 * file: a double click or a retry is the same upload, never a second import.
 */
export function uploadContacts(
  campaignId: string,
  file: File,
  mapping: ColumnMappingSchema,
  idempotencyKey: string,
  onSent: (sentBytes: number, totalBytes: number) => void,
): Promise<ApiResult<UploadSummary>> {
  return sendCsv(
    {
      url: `${campaignPath(campaignId)}/uploads?${new URLSearchParams({ fileName: file.name }).toString()}`,
      body: file,
      headers: { 'Textbank-Mapping': encodeURIComponent(JSON.stringify(mapping)), 'Idempotency-Key': idempotencyKey },
      onSent,
    },
    UploadSummary,
  );
}
