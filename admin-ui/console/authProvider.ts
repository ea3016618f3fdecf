import { HttpError, type AuthProvider, type Identifier } from 'react-admin';
import { createHttpClient } from './dataProvider';
import type { Role } from './types';

export interface TwoFactorState {
  enabled: boolean;
  enabledAt: string | null;
  /** The agent's role must sign in with a code (REQUIRE_2FA). */
  required: boolean;
  recoveryCodesLeft: number;
}

export interface SignedInAgent {
  id: number;
  email: string;
  name: string;
  role: Role;
  locale: string;
  twoFactor?: TwoFactorState;
}

export interface LoginParams {
  email: string;
  password: string;
  /** After TOTP_REQUIRED: the 6-digit code, or one of the recovery codes. */
  totp?: string;
  recoveryCode?: string;
}

export interface TotpEnrolment {
  secret: string;
  otpauthUrl: string;
  /** The otpauth address as a QR code image (data: URL), drawn by the server. */
  qrCode: string;
}

/** Sign-in's own requests beyond react-admin's: enrolment in two-factor sign-in, and an admin's help to others. */
export interface HelpdeskAuthProvider extends AuthProvider {
  startTotpEnrolment: () => Promise<TotpEnrolment>;
  /** Answers the ten recovery codes, shown this once. */
  enableTotp: (code: string) => Promise<string[]>;
  disableTotp: (proof: { code: string } | { recoveryCode: string }) => Promise<void>;
  unlockAgent: (id: Identifier) => Promise<void>;
  resetAgentTotp: (id: Identifier) => Promise<void>;
}

export const PROFILE_PATH = '/profile';

const statusOf = (error: unknown): number | undefined =>
  error instanceof HttpError ? error.status : (error as { status?: number } | null)?.status;

/** The API's machine code of a refused request (`TOTP_REQUIRED`, `ACCOUNT_LOCKED`, …). */
export const errorCodeOf = (error: unknown): string | undefined => {
  const body = (error as { body?: { code?: unknown } } | null)?.body;
  return typeof body?.code === 'string' ? body.code : undefined;
};

/** An agent whose role needs two-factor sign-in and who has not enrolled yet: the console keeps them on their profile. */
export const mustEnrol = (who: Record<string, unknown> | undefined): boolean => {
  const twoFactor = who?.twoFactor as TwoFactorState | undefined;
  return Boolean(twoFactor?.required && !twoFactor.enabled);
};

export const createAuthProvider = (apiUrl = '/api'): HelpdeskAuthProvider => {
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
  const post = async <T>(path: string, body?: unknown): Promise<T> =>
    (await httpClient(`${apiUrl}${path}`, { method: 'POST', body: JSON.stringify(body ?? {}) })).json as T;
  const signedInAs = (agent: SignedInAgent) => {
    current = Promise.resolve(agent);
  };

  return {
    login: async ({ email, password, totp, recoveryCode }: LoginParams) => {
      current = null;
      const body = { email, password, ...(totp ? { totp } : {}), ...(recoveryCode ? { recoveryCode } : {}) };
      signedInAs((await post<{ agent: SignedInAgent }>('/auth/login', body)).agent);
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
      // The server keeps an agent who must enrol out of everything else: take them to their profile, signed in.
      if (statusOf(error) === 403 && errorCodeOf(error) === 'TOTP_ENROLMENT_REQUIRED') {
        throw { logoutUser: false, redirectTo: PROFILE_PATH, message: 'app.profile.enrolmentRequired' };
      }
    },
    getIdentity: async () => {
      const agent = await me();
      return { id: agent.id, fullName: agent.name, email: agent.email, role: agent.role, twoFactor: agent.twoFactor };
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
    startTotpEnrolment: () => post<TotpEnrolment>('/auth/totp/setup'),
    enableTotp: async (code) => {
      const { recoveryCodes, agent } = await post<{ recoveryCodes: string[]; agent: SignedInAgent }>('/auth/totp/enable', { code });
      signedInAs(agent);
      return recoveryCodes;
    },
    disableTotp: async (proof) => {
      signedInAs((await post<{ agent: SignedInAgent }>('/auth/totp/disable', proof)).agent);
    },
    unlockAgent: async (id) => {
      await post(`/agents/${encodeURIComponent(id)}/unlock`);
    },
    resetAgentTotp: async (id) => {
      await post(`/agents/${encodeURIComponent(id)}/totp/reset`);
    },
  };
};
