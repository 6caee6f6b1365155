import { BadRequestException, Body, Controller, Get, Inject, NotFoundException, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { PhoneNormaliser } from '@textbank/contact-import';
import { conversationsByPhone, threadOf, type ProjectionRunner } from '@textbank/projections';
import { SandboxProvider, type SmsProvider } from '@textbank/sms';
import type Database from 'better-sqlite3';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { Access, STAFF } from '../auth/access.decorator.js';
import { PROJECTIONS, READ_MODEL_DB } from '../infrastructure/tokens.js';
import { SMS_PROVIDER } from './sms-provider.token.js';

const SandboxReply = z.strictObject({ from: z.string().min(3).max(30), body: z.string().min(1).max(1600) });
class SandboxReplyDto extends createZodDto(SandboxReply) {}

/**
 * Sandbox only: staff play a contact's phone. See the texts a number was sent
 * and answer from it, as if the contact had (the reply goes through the same
 * inbound path a provider's webhook would).
 */
@ApiTags('sandbox')
@Controller('sandbox/phone')
export class SandboxPhoneController {
  private readonly phones = new PhoneNormaliser();

  constructor(
    @Inject(SMS_PROVIDER) private readonly provider: SmsProvider,
    @Inject(READ_MODEL_DB) private readonly readModels: Database.Database,
    @Inject(PROJECTIONS) private readonly projections: ProjectionRunner,
  ) {}

  private sandbox(): SandboxProvider {
    if (!(this.provider instanceof SandboxProvider)) throw new NotFoundException('The phone page exists only with the sandbox provider');
    return this.provider;
  }

  private phone(raw: string): string {
    const phone = this.phones.normalise(raw);
    if (!phone.ok) throw new BadRequestException({ message: phone.message, issues: [{ path: 'from', message: phone.message }] });
    return phone.e164;
  }

  @Get(':phone/messages')
  @Access(...STAFF)
  messages(@Param('phone') raw: string) {
    this.sandbox();
    const phone = this.phone(raw);
    const conversations = conversationsByPhone(this.readModels, phone);
    const messages = conversations.flatMap((c) => threadOf(this.readModels, c.contactId).map((m) => ({ ...m, campaignId: c.campaignId, contactId: c.contactId })));
    messages.sort((a, b) => a.at.localeCompare(b.at));
    return { phone, messages, position: this.projections.checkpoint().toString() };
  }

  @Post('reply')
  @Access(...STAFF)
  async reply(@Body() body: SandboxReplyDto) {
    const sandbox = this.sandbox();
    const from = this.phone(body.from);
    const inbound = await sandbox.reply(from, sandbox.config.fromNumber, body.body);
    const [conversation] = conversationsByPhone(this.readModels, from);
    return { providerMessageId: inbound.providerMessageId, contactId: conversation?.contactId ?? null };
  }
}
