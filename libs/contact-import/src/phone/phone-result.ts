/** Why a phone cell was refused; stable codes for counts, the rejects CSV and the UI. */
export type PhoneProblem =
  | 'phone_missing'
  | 'phone_not_a_number'
  | 'phone_too_short'
  | 'phone_too_long'
  | 'phone_invalid_length'
  | 'phone_invalid_country_code'
  | 'phone_not_valid'
  | 'phone_has_extension'
  | 'phone_country_not_allowed';

export type PhoneResult =
  | { readonly ok: true; readonly e164: string; readonly country: string | null }
  | { readonly ok: false; readonly problem: PhoneProblem; readonly message: string };
