import { Module } from '@nestjs/common';
import { HealthController } from '../health/health.controller.js';
import { MetricsController } from './metrics.controller.js';
import { ProjectionsController } from './projections.controller.js';

@Module({ controllers: [HealthController, MetricsController, ProjectionsController] })
export class OperationsModule {}
