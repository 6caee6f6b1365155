import { NotFoundException } from '@nestjs/common';
import { findPerson } from '@textbank/projections';
import type Database from 'better-sqlite3';

/** The texter a route hands work to: an active member who may text (not an auditor), or a 404 naming `field`. */
export function activeTexterOrNotFound(readModels: Database.Database, personId: string, field: string): void {
  const person = findPerson(readModels, personId);
  if (!person || person.status !== 'active' || person.role === 'auditor') throw new NotFoundException({ message: `No active texter ${personId}`, issues: [{ path: field, message: 'not an active texter' }] });
}
