/**
 * Staff tokens: HS256 JWTs (development and tests; the secret is
 * AUTH_JWT_SECRET). Claims: `sub`, `name?`, `roles` (known roles only),
 * `dept?`, `exp` (required).
 */
import { errors, jwtVerify, SignJWT } from 'jose';
import { ROLES, type Role } from '../domain/roles';

export interface TokenClaims {
  sub: string;
  name?: string;
  roles: string[];
  dept?: string;
}

export interface VerifiedToken {
  sub: string;
  name?: string;
  roles: Role[];
  dept?: string;
}

/** Why a token was refused; the message is safe to show to the caller. */
export class InvalidTokenError extends Error {
  constructor(
    message: string,
    readonly expired = false,
  ) {
    super(message);
    this.name = 'InvalidTokenError';
  }
}

function keyOf(secret: string): Uint8Array {
  if (!secret) throw new Error('the JWT secret is empty');
  return new TextEncoder().encode(secret);
}

function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * Sign a token. `expiresIn` is a jose time span ('8h', '15m') or an absolute
 * expiry in seconds since the epoch (tests use a past one for expired tokens).
 */
export async function signToken(claims: TokenClaims, secret: string, expiresIn: string | number = '8h'): Promise<string> {
  const payload: Record<string, unknown> = { roles: claims.roles };
  if (claims.name !== undefined) payload.name = claims.name;
  if (claims.dept !== undefined) payload.dept = claims.dept;
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(keyOf(secret));
}

/** Verify signature (HS256 only), expiry and claims. Throws {@link InvalidTokenError}. */
export async function verifyToken(token: string, secret: string): Promise<VerifiedToken> {
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, keyOf(secret), {
      algorithms: ['HS256'],
      requiredClaims: ['exp', 'sub'],
    }));
  } catch (err) {
    if (err instanceof errors.JWTExpired) throw new InvalidTokenError('the token has expired', true);
    if (err instanceof errors.JOSEError) throw new InvalidTokenError(`invalid token: ${err.code}`);
    throw new InvalidTokenError('invalid token');
  }
  const { sub, name, roles, dept } = payload;
  if (typeof sub !== 'string' || sub.length === 0 || sub.length > 200) {
    throw new InvalidTokenError('invalid token: sub must be a non-empty string');
  }
  if (!Array.isArray(roles) || !roles.every(isRole)) {
    throw new InvalidTokenError(`invalid token: roles must be an array of ${ROLES.join(', ')}`);
  }
  if (name !== undefined && typeof name !== 'string') throw new InvalidTokenError('invalid token: name must be a string');
  if (dept !== undefined && typeof dept !== 'string') throw new InvalidTokenError('invalid token: dept must be a string');
  const out: VerifiedToken = { sub, roles: [...new Set(roles)] };
  if (name !== undefined) out.name = name;
  if (dept !== undefined) out.dept = dept;
  return out;
}
