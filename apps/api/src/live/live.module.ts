import { Module } from '@nestjs/common';
import { ContactsModule } from '../contacts/contacts.module.js';
import { LiveGateway } from './live.gateway.js';

@Module({ imports: [ContactsModule], providers: [LiveGateway] })
export class LiveModule {}
