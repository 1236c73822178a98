import { Router } from '../http/router';
import { actionRoutes } from './actions';
import { announcementRoutes } from './announcements';
import { decisionRoutes } from './decisions';
import { feedRoutes } from './feeds';
import { memberRoutes } from './members';
import { moderationRoutes } from './moderation';
import type { ApiRoute } from './route';

/** Every `/v1` endpoint. Add one by writing its route next to its kin and listing it here. */
export const apiRouter = new Router<ApiRoute>([...feedRoutes, ...decisionRoutes, ...moderationRoutes, ...memberRoutes, ...announcementRoutes, ...actionRoutes]);
