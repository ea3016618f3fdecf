import { HttpError, type AuthProvider } from 'react-admin';
import { createHttpClient } from './dataProvider';
import type { Role } from './types';

export interface SignedInAgent {
  id: number;
  email: string;
  name: string;
  role: Role;
  locale: string;
}

interface LoginParams {
  email: string;
  password: string;
}

const statusOf = (error: unknown): number | undefined =>
  error instanceof HttpError ? error.status : (error as { status?: number } | null)?.status;

export const createAuthProvider = (apiUrl = '/api'): AuthProvider => {
  const httpClient = createHttpClient();
  // One request answers getIdentity and getPermissions until the session changes.
  let current: Promise<SignedInAgent> | null = null;

  const fetchMe = (): Promise<SignedInAgent> => {
    current = httpClient(`${apiUrl}/auth/me`).then(({ json }) => (json as { agent: SignedInAgent }).agent);
    current.catch(() => {
      current = null;
    });
    return current;
  };
  const me = () => current ?? fetchMe();

  return {
    login: async ({ email, password }: LoginParams) => {
      current = null;
      const { json } = await httpClient(`${apiUrl}/auth/login`, {
        method: 'POST',
        body: JSON.stringify({ email, password }),
      });
      current = Promise.resolve((json as { agent: SignedInAgent }).agent);
    },
    logout: async () => {
      current = null;
      try {
        await httpClient(`${apiUrl}/auth/logout`, { method: 'POST' });
      } catch {
        // The session is gone either way; the login page is where we go next.
      }
    },
    checkAuth: async () => {
      await fetchMe();
    },
    checkError: async (error: unknown) => {
      if (statusOf(error) === 401) {
        current = null;
        throw error;
      }
    },
    getIdentity: async () => {
      const agent = await me();
      return { id: agent.id, fullName: agent.name, email: agent.email, role: agent.role };
    },
    // Without a session there are no permissions; rejecting would only make react-query retry before the login page.
    getPermissions: async () => {
      try {
        return (await me()).role;
      } catch (error) {
        if (statusOf(error) === 401) return null;
        throw error;
      }
    },
  };
};
