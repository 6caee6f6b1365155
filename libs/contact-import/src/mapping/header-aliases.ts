import type { ContactField } from './contact-field.js';

/**
 * Header names people use for each field, compared after `headerKey` (lower
 * case, letters and digits only). Earlier aliases win when several columns
 * match: a "Cell" column beats a "Phone" column, since we send texts.
 */
export const HEADER_ALIASES: Readonly<Record<ContactField, readonly string[]>> = {
  phone: [
    'cell', 'cellphone', 'cellphonenumber', 'cellnumber', 'mobile', 'mobilephone', 'mobilenumber', 'mobilephonenumber',
    'wireless', 'wirelessphone', 'sms', 'smsnumber', 'textnumber',
    'phone', 'phonenumber', 'phoneno', 'phone1', 'primaryphone', 'telephone', 'telephonenumber', 'tel',
  ],
  firstName: ['firstname', 'first', 'fname', 'givenname', 'forename', 'firstnm'],
  lastName: ['lastname', 'last', 'lname', 'surname', 'familyname', 'lastnm'],
  zip: ['zip', 'zipcode', 'zip5', 'zip4', 'zipplus4', 'postal', 'postalcode', 'postcode', 'zippostalcode', 'zippostal', 'mailingzip', 'addresszip'],
  externalId: ['externalid', 'vanid', 'voterid', 'voterfileid', 'statefileid', 'contactid', 'personid', 'id', 'externalidentifier'],
};

/** "Phone Number", "phone_number", "PHONE-NUMBER" and "phonenumber" are one key. */
export function headerKey(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
