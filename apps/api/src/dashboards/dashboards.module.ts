import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { DashboardGateway } from './dashboard.gateway.js';
import { DashboardViews } from './dashboard-views.service.js';
import { DashboardsController } from './dashboards.controller.js';

@Module({ imports: [AuthModule], controllers: [DashboardsController], providers: [DashboardViews, DashboardGateway] })
export class DashboardsModule {}
