import { BadRequestException, Controller, ForbiddenException, Header, HttpCode, Inject, NotFoundException, Post, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { TwilioProvider, type SmsProvider, type TwilioWebhook, type WebhookVerdict } from '@textbank/sms';
import type { Request } from 'express';
import { Access } from '../auth/access.decorator.js';
import { SMS_PROVIDER } from './sms-provider.token.js';

/** No auto-reply from here: texters answer, and STOP's confirmation is the carrier's or Twilio's. */
const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

/**
 * Twilio's callbacks: incoming texts and delivery statuses, form-encoded and
 * signed. Outside /api (the URLs an organization pastes into Twilio's console
 * should not move with the app's API). Public in the access sense: the
 * signature is the authentication, checked before anything is read; a bad,
 * missing or other-URL signature is a 403 and nothing is recorded. Twilio
 * retries: recording is idempotent by MessageSid (and status).
 */
@ApiExcludeController()
@Controller('webhooks/twilio')
@Access('public')
export class TwilioWebhooksController {
  constructor(@Inject(SMS_PROVIDER) private readonly provider: SmsProvider) {}

  @Post('inbound')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  async inbound(@Req() request: Request): Promise<string> {
    answer(await this.twilio().receiveInbound(webhookOf(request)));
    return EMPTY_TWIML;
  }

  @Post('status')
  @HttpCode(204)
  async status(@Req() request: Request): Promise<void> {
    answer(await this.twilio().receiveStatus(webhookOf(request)));
  }

  private twilio(): TwilioProvider {
    if (!(this.provider instanceof TwilioProvider)) throw new NotFoundException('Twilio is not this installation\'s SMS provider (SMS_PROVIDER)');
    return this.provider;
  }
}

function webhookOf(request: Request): TwilioWebhook {
  const header = (name: string) => {
    const value = request.headers[name];
    return typeof value === 'string' ? value : undefined;
  };
  return {
    pathAndQuery: request.originalUrl,
    signature: header('x-twilio-signature'),
    signatureSettings: header('x-twilio-webhooks-signature-settings'),
    params: typeof request.body === 'object' && request.body !== null ? (request.body as Record<string, unknown>) : {},
  };
}

function answer(verdict: WebhookVerdict): void {
  if (verdict.ok) return;
  if (verdict.reason === 'forbidden') throw new ForbiddenException('The Twilio signature does not match this URL and body');
  throw new BadRequestException({ message: `${verdict.field} is missing or not understood`, issues: [{ path: verdict.field, message: 'missing or not understood' }] });
}
