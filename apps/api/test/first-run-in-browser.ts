import type { Page } from 'playwright-core';

export interface Founder {
  readonly organization: string;
  readonly name: string;
  readonly email: string;
  readonly password: string;
}

/** First-run setup as a person does it: the "Create your organization" form. */
export async function createOrganizationIn(page: Page, url: string, founder: Founder): Promise<void> {
  await page.goto(url);
  await page.getByRole('heading', { name: /Create your organization/i }).waitFor();
  await page.getByLabel('Organization name').fill(founder.organization);
  await page.getByLabel('Your name').fill(founder.name);
  await page.getByLabel('Email').fill(founder.email);
  await page.getByLabel('Password').fill(founder.password);
  await page.getByRole('button', { name: 'Create organization' }).click();
  await page.getByRole('heading', { name: 'Campaigns' }).waitFor();
}
