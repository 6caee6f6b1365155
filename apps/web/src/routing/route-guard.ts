import type { Role } from '@textbank/contracts';
import type { Route } from './routes';

/** Where each role lands: volunteers have their own home; staff and auditors start at campaigns. */
export function homeRoute(role: Role): Route {
  return role === 'volunteer' ? { name: 'home' } : { name: 'campaigns' };
}

/**
 * The screen a role may see for a route: the route itself when allowed, else
 * the role's home. The API refuses the same requests; this spares a screen
 * that could only show "forbidden". Volunteers see their home, the texting
 * screen and their inbox; auditors may read a thread and message review, never answer.
 */
export function allowedRoute(route: Route, role: Role): Route {
  return mayVisit(route, role) ? route : homeRoute(role);
}

/** Whether a role may see a route's screen; the nav offers exactly these. */
export function mayVisit(route: Route, role: Role): boolean {
  switch (route.name) {
    case 'join':
    case 'reset':
      return true;
    // Already signed in: the sign-in screen has nothing to do.
    case 'sign-in':
      return false;
    case 'home':
      return role === 'volunteer';
    // Texters: everyone who may hold conversations.
    case 'text':
    case 'inbox':
      return role !== 'auditor';
    case 'thread':
      return true;
    // Staff play a contact's phone (the sandbox provider only).
    case 'sandbox-phone':
      return role === 'owner' || role === 'admin';
    case 'campaigns':
    case 'campaign':
    // Message review: staff, and auditors reading.
    case 'review':
    case 'dashboard':
    case 'overview':
    case 'events':
    case 'people':
    case 'opt-outs':
    case 'tags':
      return role !== 'volunteer';
    default:
      return route satisfies never;
  }
}
