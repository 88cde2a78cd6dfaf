import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import bcrypt from "bcryptjs";
import { and, eq } from "drizzle-orm";

import { apiKeys } from "@karakeep/db/schema";
import type { ZApiKeyScope } from "@karakeep/shared/types/apiKeys";
import { API_KEY_FULL_ACCESS_SCOPE } from "@karakeep/shared/types/apiKeys";
import serverConfig from "@karakeep/shared/config";

import type { Context } from "./index";

const BCRYPT_SALT_ROUNDS = 10;
const API_KEY_PREFIX_V1 = "ak1";
const API_KEY_PREFIX_V2 = "ak2";

// A *real* bcrypt hash of a random secret, used to burn the same amount of CPU
// on login paths that have no password to check against. It must be a valid
// hash at the same cost factor as real passwords: bcrypt parses the hash to
// recover the cost and salt, so handing it an arbitrary string makes it bail
// out immediately without deriving anything, which is exactly the timing leak
// these comparisons exist to close. Nothing can match it -- the input is
// random and thrown away.
const DUMMY_PASSWORD_HASH = bcrypt.hashSync(
  randomBytes(32).toString("hex"),
  BCRYPT_SALT_ROUNDS,
);

function generateApiKeySecret() {
  const secret = randomBytes(16).toString("hex");
  return {
    keyId: randomBytes(10).toString("hex"),
    secret,
    secretHash: createHash("sha256").update(secret).digest("base64"),
  };
}

export function generatePasswordSalt() {
  return randomBytes(32).toString("hex");
}

export async function regenerateApiKey(
  id: string,
  userId: string,
  database: Context["db"],
) {
  const { keyId, secret, secretHash } = generateApiKeySecret();

  const plain = `${API_KEY_PREFIX_V2}_${keyId}_${secret}`;

  const res = await database
    .update(apiKeys)
    .set({
      keyId: keyId,
      keyHash: secretHash,
    })
    .where(and(eq(apiKeys.id, id), eq(apiKeys.userId, userId)));

  if (res.changes == 0) {
    throw new Error("Failed to regenerate API key");
  }
  return plain;
}

export async function generateApiKey(
  name: string,
  userId: string,
  database: Context["db"],
  scopes: ZApiKeyScope[],
) {
  const { keyId, secret, secretHash } = generateApiKeySecret();

  const plain = `${API_KEY_PREFIX_V2}_${keyId}_${secret}`;

  const key = (
    await database
      .insert(apiKeys)
      .values({
        name: name,
        userId: userId,
        keyId,
        keyHash: secretHash,
        scopes,
      })
      .returning()
  )[0];

  return {
    id: key.id,
    name: key.name,
    createdAt: key.createdAt,
    scopes: normalizeApiKeyScopes(key.scopes),
    key: plain,
  };
}

function normalizeApiKeyScopes(
  scopes: ZApiKeyScope[] | null | undefined,
): ZApiKeyScope[] {
  return scopes?.length ? scopes : [API_KEY_FULL_ACCESS_SCOPE];
}

function parseApiKey(plain: string) {
  const parts = plain.split("_");
  if (parts.length != 3) {
    throw new Error(
      `Malformd API key. API keys should have 3 segments, found ${parts.length} instead.`,
    );
  }
  if (parts[0] !== API_KEY_PREFIX_V1 && parts[0] !== API_KEY_PREFIX_V2) {
    throw new Error(`Malformd API key. Got unexpected key prefix.`);
  }
  return {
    version: parts[0] == API_KEY_PREFIX_V1 ? (1 as const) : (2 as const),
    keyId: parts[1],
    keySecret: parts[2],
  };
}

export async function authenticateApiKey(key: string, database: Context["db"]) {
  const { version, keyId, keySecret } = parseApiKey(key);
  const apiKey = await database.query.apiKeys.findFirst({
    where: (k, { eq }) => eq(k.keyId, keyId),
    with: {
      user: true,
    },
  });

  if (!apiKey) {
    throw new Error("API key not found");
  }

  const hash = apiKey.keyHash;

  let validation = false;
  switch (version) {
    case 1:
      validation = await bcrypt.compare(keySecret, hash);
      break;
    case 2: {
      const candidateHash = createHash("sha256").update(keySecret).digest();
      const expectedHash = Buffer.from(hash, "base64");
      validation =
        candidateHash.length === expectedHash.length &&
        timingSafeEqual(candidateHash, expectedHash);
      break;
    }
    default:
      throw new Error("Invalid API Key");
  }

  if (!validation) {
    throw new Error("Invalid API Key");
  }

  // Update lastUsedAt with 10-minute throttle to avoid excessive DB writes
  const tenMinutesAgo = new Date(Date.now() - 10 * 60 * 1000);
  if (!apiKey.lastUsedAt || apiKey.lastUsedAt < tenMinutesAgo) {
    // Fire and forget - don't await to avoid blocking the auth response
    database
      .update(apiKeys)
      .set({ lastUsedAt: new Date() })
      .where(eq(apiKeys.id, apiKey.id))
      .catch((err) => {
        console.error("Failed to update API key lastUsedAt:", err);
      });
  }

  return {
    user: apiKey.user,
    apiKey: {
      id: apiKey.id,
      keyId: apiKey.keyId,
      scopes: normalizeApiKeyScopes(apiKey.scopes),
    },
  };
}

export async function hashPassword(password: string, salt: string | null) {
  return await bcrypt.hash(password + (salt ?? ""), BCRYPT_SALT_ROUNDS);
}

export async function validatePassword(
  email: string,
  password: string,
  database: Context["db"],
) {
  if (serverConfig.auth.disablePasswordAuth) {
    throw new Error("Password authentication is currently disabled");
  }
  const user = await database.query.users.findFirst({
    where: (u, { eq }) => eq(u.email, email),
  });

  if (!user) {
    // Run a bcrypt comparison anyways to hide the fact of whether the user exists or not (protecting against timing attacks)
    await bcrypt.compare(password, DUMMY_PASSWORD_HASH);
    throw new Error("User not found");
  }

  if (!user.password) {
    // Same reasoning: returning early here would make accounts without a
    // password (OAuth-only) measurably faster to probe than password accounts.
    await bcrypt.compare(password, DUMMY_PASSWORD_HASH);
    throw new Error("This user doesn't have a password defined");
  }

  const validation = await bcrypt.compare(
    password + (user.salt ?? ""),
    user.password,
  );
  if (!validation) {
    throw new Error("Wrong password");
  }

  return user;
}
