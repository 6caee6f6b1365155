import { Module, RequestMethod, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import { AuthModule } from './auth/auth.module.js';
import { CampaignsModule } from './campaigns/campaigns.module.js';
import { CampaignLifecycleModule } from './campaign-lifecycle/campaign-lifecycle.module.js';
import { CampaignSurveyModule } from './campaign-survey/campaign-survey.module.js';
import { TagsModule } from './tags/tags.module.js';
import { APP_CONFIG, type AppConfig } from './config/app-config.js';
import { requestForLog } from './http/log-redaction.js';
import { CLOCK, type Clock } from './infrastructure/tokens.js';
import { EventLogModule } from './event-log/event-log.module.js';
import { InfrastructureModule } from './infrastructure/infrastructure.module.js';
import { LiveModule } from './live/live.module.js';
import { OperationsModule } from './metrics/operations.module.js';
import { SetupModule } from './setup/setup.module.js';
import { PeopleModule } from './people/people.module.js';
import { InvitesModule } from './invites/invites.module.js';
import { PasswordResetModule } from './password-reset/password-reset.module.js';
import { ScriptsModule } from './scripts/scripts.module.js';
import { ContactsModule } from './contacts/contacts.module.js';
import { TextingModule } from './texting/texting.module.js';
import { DashboardsModule } from './dashboards/dashboards.module.js';

@Module({})
export class AppModule {
  /**
   * `clock`: tests move time (throttle windows, expiries); the default is the real one.
   * `logTo`: where log lines go (tests read them); the default is stdout.
   */
  static forRoot(config: AppConfig, clock: Clock = () => new Date(), logTo?: { write(line: string): void }): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        LoggerModule.forRoot({
          // path-to-regexp 8 syntax: the default '*' is converted with a warning at every start.
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          pinoHttp: {
            level: config.logLevel,
            ...(logTo && { stream: logTo }),
            // A caller's X-Request-Id is kept so logs join up across services; it also becomes the correlation id.
            genReqId: (request, response) => {
              const given = request.headers['x-request-id'];
              const id = typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
              response.setHeader('X-Request-Id', id);
              return id;
            },
            redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]', 'req.body.password'],
            // The default serializer's output, with invite tokens taken out of the path and params.
            serializers: { req: requestForLog },
            autoLogging: { ignore: (request) => request.url === '/api/health' },
          },
        }),
        CqrsModule.forRoot(),
        InfrastructureModule,
        AuthModule,
        SetupModule,
        CampaignsModule,
        CampaignLifecycleModule,
        CampaignSurveyModule,
        TagsModule,
        ScriptsModule,
        PeopleModule,
        InvitesModule,
        PasswordResetModule,
        ContactsModule,
        TextingModule,
        DashboardsModule,
        EventLogModule,
        OperationsModule,
        LiveModule,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: CLOCK, useValue: clock },
      ],
      exports: [APP_CONFIG, CLOCK],
    };
  }
}
