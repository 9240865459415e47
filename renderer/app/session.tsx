import { createContext, useContext } from 'react';
import type { Actor, Role } from '../../electron/api/define';

export interface SessionInfo {
  actor: Actor;
  kindergartenName: string;
  isDemo: boolean;
  signOut(): void;
}

export const SessionContext = createContext<SessionInfo | null>(null);

/** The signed-in person. Screens use it to hide what the role may not do; the backend enforces it. */
export function useSession(): SessionInfo {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside a signed-in screen');
  return value;
}

export function useCan(...roles: Role[]): boolean {
  return roles.includes(useSession().actor.role);
}

export const ROLE_LABELS: Record<Role, [string, string]> = {
  principal: ['园长', 'Principal'],
  finance: ['财务', 'Finance'],
  front_desk: ['前台', 'Front desk'],
  teacher: ['教师', 'Teacher'],
};
