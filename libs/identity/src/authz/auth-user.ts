import { Role } from './roles';

/** The signed-in caller, as services receive it. */
export interface AuthUser {
  id: string;
  email: string;
  fullName: string;
  role: Role;
  language: 'uk' | 'en';
  sessionId: string;
  requestId: string;
}
