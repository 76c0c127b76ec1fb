/**
 * Who is signed in: the token (kept in localStorage) and what it says
 * (sub, name, roles, dept, exp). The API verifies the token on every call;
 * the console only reads the claims to shape what it shows.
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { setSessionToken } from './api/client';
import type { Role } from './api/types';

const STORAGE_KEY = 'switchboard.token';

export interface Staff {
  sub: string;
  name?: string;
  roles: Role[];
  dept?: string;
  /** Expiry, epoch seconds. */
  exp: number;
}

/** The claims of a JWT, unverified; null when it is not one or has expired. */
export function readToken(token: string, nowSeconds = Date.now() / 1000): Staff | null {
  try {
    const payload = token.split('.')[1];
    if (!payload) return null;
    const json = decodeURIComponent(
      Array.from(atob(payload.replace(/-/g, '+').replace(/_/g, '/')), (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join(''),
    );
    const claims = JSON.parse(json) as Partial<Staff>;
    if (typeof claims.sub !== 'string' || !Array.isArray(claims.roles) || typeof claims.exp !== 'number') return null;
    if (claims.exp <= nowSeconds) return null;
    return { sub: claims.sub, name: claims.name, roles: claims.roles, dept: claims.dept, exp: claims.exp };
  } catch {
    return null;
  }
}

interface Session {
  staff: Staff | null;
  signIn(token: string): boolean;
  signOut(): void;
  has(...roles: Role[]): boolean;
}

const SessionContext = createContext<Session | null>(null);

function storedToken(): string | null {
  const token = localStorage.getItem(STORAGE_KEY);
  return token && readToken(token) ? token : null;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [token, setToken] = useState<string | null>(storedToken);
  const signOut = useCallback(() => {
    localStorage.removeItem(STORAGE_KEY);
    setToken(null);
  }, []);
  // Set during render, so the first calls of a newly signed-in page already carry the token.
  setSessionToken(token, signOut);
  const value = useMemo<Session>(() => {
    const staff = token ? readToken(token) : null;
    return {
      staff,
      signIn(next) {
        if (!readToken(next)) return false;
        localStorage.setItem(STORAGE_KEY, next);
        setSessionToken(next, signOut);
        setToken(next);
        return true;
      },
      signOut,
      has: (...roles) => !!staff && staff.roles.some((r) => roles.includes(r)),
    };
  }, [token, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
