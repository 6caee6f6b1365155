import { Module } from '@nestjs/common';
import { HealthController } from '../health/health.controller.js';
import { MetricsListener } from './metrics-listener.js';
import { ProjectionsController } from './projections.controller.js';

@Module({ controllers: [HealthController, ProjectionsController], providers: [MetricsListener] })
export class OperationsModule {}
