/** The SmsProvider in use (sandbox by default; Twilio with the provider issue). */
export const SMS_PROVIDER = Symbol('SMS_PROVIDER');
