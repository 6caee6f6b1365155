import { Controller, Get, NotFoundException, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CampaignDashboard, DashboardQuery, HomeQuery, OrganizationOverview, VolunteerHome } from '@textbank/contracts';
import { createZodDto } from 'nestjs-zod';
import { Access, READERS } from '../auth/access.decorator.js';
import { CurrentPrincipal, type Principal } from '../auth/principal.js';
import { DashboardViews } from './dashboard-views.service.js';

class DashboardQueryDto extends createZodDto(DashboardQuery) {}
class HomeQueryDto extends createZodDto(HomeQuery) {}
class CampaignDashboardDto extends createZodDto(CampaignDashboard) {}
class OrganizationOverviewDto extends createZodDto(OrganizationOverview) {}
class VolunteerHomeDto extends createZodDto(VolunteerHome) {}

/** The dashboards as they stand now; the same views are pushed over the socket (`dashboard:follow`). */
@ApiTags('dashboards')
@Controller()
export class DashboardsController {
  constructor(private readonly views: DashboardViews) {}

  @Get('campaigns/:id/dashboard')
  @Access(...READERS)
  @ApiOkResponse({ type: CampaignDashboardDto })
  campaign(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: DashboardQueryDto): CampaignDashboard {
    const view = this.views.campaign(id, query.hours);
    if (!view) throw new NotFoundException(`No campaign ${id}`);
    return view;
  }

  @Get('dashboard/overview')
  @Access(...READERS)
  @ApiOkResponse({ type: OrganizationOverviewDto })
  overview(): OrganizationOverview {
    return this.views.overview();
  }

  /** Anyone's own home: the campaigns they text in, replies waiting for them, their day. */
  @Get('me/home')
  @Access('signed-in')
  @ApiOkResponse({ type: VolunteerHomeDto })
  home(@Query() query: HomeQueryDto, @CurrentPrincipal() principal: Principal): VolunteerHome {
    return this.views.home(principal.person.id, query.since);
  }
}
