import 'reflect-metadata';
import { RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import { Logger } from 'nestjs-pino';
import { cleanupOpenApiDoc, ZodValidationPipe } from 'nestjs-zod';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/app-config.js';
import type { Clock } from './infrastructure/tokens.js';
import { ApiExceptionFilter } from './http/api-exception.filter.js';
import { crossSiteGuard } from './http/cross-site-guard.js';
import { proxyHeadersWarning } from './http/proxy-headers-warning.js';
import { securityHeaders } from './http/security-headers.js';
import { spaFallback } from './http/spa-fallback.js';

/** The whole API, configured the same way for `npm start` and for tests. */
export async function createApp(
  config: AppConfig,
  options: { clock?: Clock; logTo?: { write(line: string): void } } = {},
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, options.clock, options.logTo), { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  const logger = app.get(Logger);
  app.use(proxyHeadersWarning(config.trustProxy, (message) => logger.warn(message, 'TrustProxy')));
  app.use(securityHeaders(config.cookieSecure));
  app.use(cookieParser());
  app.use(crossSiteGuard);
  // Metrics are not served here: they have their own listener (metrics/metrics-listener.ts).
  // Twilio's webhook URLs live outside /api: organizations paste them into Twilio's console.
  app.setGlobalPrefix('api', { exclude: [{ path: 'webhooks/twilio/{*kind}', method: RequestMethod.POST }] });
  app.useGlobalPipes(new ZodValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter());
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle('Textbank API').setDescription('Peer-to-peer texting for organizers').setVersion('0.1.0').build(),
  );
  SwaggerModule.setup('api/docs', app, cleanupOpenApiDoc(document));
  if (config.webDist) {
    app.useStaticAssets(config.webDist, { index: false, maxAge: '1h' });
    app.use(spaFallback(config.webDist));
  }
  app.enableShutdownHooks();
  return app;
}
