import type { KindKey } from '../codes';
import type { KindDefInput } from '../schema';
import { accountCancellation } from './accountCancellation';
import { enterpriseReview } from './enterpriseReview';
import { loginRequest } from './loginRequest';
import { mfaUnbind } from './mfaUnbind';
import { protectionVerifierUnbind } from './protectionVerifierUnbind';
import { registrationMethodUnbind } from './registrationMethodUnbind';
import { reusedPhoneUnbind } from './reusedPhoneUnbind';
import { securityPhoneChange } from './securityPhoneChange';

export const kindDefinitions: Record<KindKey, KindDefInput> = {
  mfa_unbind: mfaUnbind,
  reused_phone_unbind: reusedPhoneUnbind,
  login_request: loginRequest,
  enterprise_review: enterpriseReview,
  security_phone_change: securityPhoneChange,
  account_cancellation: accountCancellation,
  registration_method_unbind: registrationMethodUnbind,
  protection_verifier_unbind: protectionVerifierUnbind,
};
