/**
 * Staff tokens. Development and tests: HS256 with AUTH_JWT_SECRET.
 * Production may verify against the identity provider's JWKS instead
 * (AUTH_JWKS_URL, RS256/ES256). Claims: `sub`, `name?`, `roles` (known
 * roles only), `dept?`, `exp` (required); `iss`/`aud` when configured.
 * Claims end up in our records (who did what), so they must be text those
 * records can hold, like any other input (src/domain/storable.ts).
 */
import { createRemoteJWKSet, errors, jwtVerify, SignJWT, type JWTVerifyGetKey } from 'jose';
import type { Config } from '../config';
import { ROLES, type Role } from '../domain/roles';
import { UNSTORABLE_TEXT_MESSAGE } from '../domain/storable';
import { isStorableText } from '../domain/text';

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

/** Checks a bearer token and returns who it names. Throws {@link InvalidTokenError}. */
export type TokenVerifier = (token: string) => Promise<VerifiedToken>;

/** The verifier the configuration asks for: the JWKS when AUTH_JWKS_URL is set, else the HS256 secret. */
export function tokenVerifier(config: Pick<Config, 'jwtSecret' | 'jwksUrl' | 'jwtIssuer' | 'jwtAudience'>): TokenVerifier {
  const claims = { issuer: config.jwtIssuer, audience: config.jwtAudience };
  if (config.jwksUrl) {
    // jose caches the key set and refetches it when a token names an unknown key id.
    const jwks = createRemoteJWKSet(new URL(config.jwksUrl));
    return rememberVerified((token) => verifyWith(token, jwks, { algorithms: ['RS256', 'ES256'], ...claims }));
  }
  const key = keyOf(config.jwtSecret);
  return rememberVerified((token) => verifyWith(token, key, { algorithms: ['HS256'], ...claims }));
}

/** How many verified tokens a process remembers (a few per person signed in). */
export const REMEMBERED_TOKENS = 10_000;

type Verified = VerifiedToken & { expiresAt: number };

/**
 * A token once verified is remembered until it expires: the same bytes
 * verify the same way until then, and checking the signature (Web Crypto)
 * was the largest single cost of a read in the API's CPU profile. A token
 * never verified, or changed in one byte, is checked in full. Beyond
 * {@link REMEMBERED_TOKENS} the oldest are forgotten first.
 */
export function rememberVerified(verify: (token: string) => Promise<Verified>, now: () => number = Date.now): TokenVerifier {
  const remembered = new Map<string, Verified>();
  return async (token) => {
    const known = remembered.get(token);
    if (known && known.expiresAt > now()) return withoutExpiry(known);
    remembered.delete(token);
    const verified = await verify(token);
    if (remembered.size >= REMEMBERED_TOKENS) remembered.delete(remembered.keys().next().value!);
    remembered.set(token, verified);
    return withoutExpiry(verified);
  };
}

function withoutExpiry({ expiresAt: _expiresAt, ...token }: Verified): VerifiedToken {
  return { ...token, roles: [...token.roles] };
}

async function verifyWith(
  token: string,
  key: Uint8Array | JWTVerifyGetKey,
  opts: { algorithms: string[]; issuer?: string; audience?: string },
): Promise<Verified> {
  let payload: Record<string, unknown>;
  try {
    const options = { ...opts, requiredClaims: ['exp', 'sub'] };
    // Two calls only because jwtVerify's overloads take a key or a key resolver, not their union.
    ({ payload } = key instanceof Uint8Array ? await jwtVerify(token, key, options) : await jwtVerify(token, key, options));
  } catch (err) {
    if (err instanceof errors.JWTExpired) throw new InvalidTokenError('the token has expired', true);
    if (err instanceof errors.JOSEError) throw new InvalidTokenError(`invalid token: ${err.code}`);
    throw new InvalidTokenError('invalid token');
  }
  const { sub, name, roles, dept } = payload;
  if (!Array.isArray(roles) || !roles.every(isRole)) {
    throw new InvalidTokenError(`invalid token: roles must be an array of ${ROLES.join(', ')}`);
  }
  // exp is required (jwtVerify checked it is a number in the future).
  const out: Verified = { sub: textClaim('sub', sub, 1, 200), roles: [...new Set(roles)], expiresAt: (payload.exp as number) * 1000 };
  if (name !== undefined) out.name = textClaim('name', name, 0, 200);
  if (dept !== undefined) out.dept = textClaim('dept', dept, 0, 64);
  return out;
}

/** A text claim: a string of `min` to `max` characters that our records can hold. */
function textClaim(claim: string, value: unknown, min: number, max: number): string {
  if (typeof value !== 'string' || value.length < min || value.length > max) {
    throw new InvalidTokenError(`invalid token: ${claim} must be a string of ${min} to ${max} characters`);
  }
  if (!isStorableText(value)) throw new InvalidTokenError(`invalid token: ${claim} ${UNSTORABLE_TEXT_MESSAGE}`);
  return value;
}
