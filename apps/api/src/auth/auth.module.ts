import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard } from './access.guard.js';
import { Authenticator } from './authenticator.js';
import { Credentials } from './credentials.js';
import { KnownDevices } from './known-devices.js';
import { PasswordResets } from './password-resets.js';
import { PasswordHasher } from './password-hasher.js';
import { SessionController } from './session.controller.js';
import { SessionStarter } from './session-starter.js';
import { Sessions } from './sessions.js';
import { SignInThrottle } from './sign-in-throttle.js';

@Global()
@Module({
  controllers: [SessionController],
  providers: [Sessions, SessionStarter, Credentials, PasswordHasher, SignInThrottle, KnownDevices, PasswordResets, Authenticator, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [Sessions, SessionStarter, Credentials, PasswordHasher, Authenticator, KnownDevices, SignInThrottle, PasswordResets],
})
export class AuthModule {}
