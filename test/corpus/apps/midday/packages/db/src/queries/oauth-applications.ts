import { hash } from "@midday/encryption";
import slugify from "@sindresorhus/slugify";
import { and, desc, eq, isNull } from "drizzle-orm";
import { nanoid } from "nanoid";
import type { Database } from "../client";
import { oauthApplications, users } from "../schema";

async function generateUniqueSlug(db: Database, name: string): Promise<string> {
  const baseSlug = slugify(name, { lowercase: true });

  let slug = baseSlug;
  let counter = 1;

  while (true) {
    const existing = await db // hotpath-ok: no-n-plus-one retry until an unused id, runs once in practice
      .select({ id: oauthApplications.id })
      .from(oauthApplications)
      .where(eq(oauthApplications.slug, slug))
      .limit(1);

    if (existing.length === 0) {
      return slug;
    }

    slug = `${baseSlug}-${counter}`;
    counter++;
  }
}

export type OAuthApplication = {
  id: string;
  name: string;
  slug: string;
  description: string | null;
  overview: string | null;
  developerName: string | null;
  logoUrl: string | null;
  website: string | null;
  installUrl: string | null;
  screenshots: string[];
  redirectUris: string[];
  clientId: string;
  scopes: string[];
  teamId: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  isPublic: boolean;
  active: boolean;
  status: "draft" | "pending" | "approved" | "rejected";
};

export type CreateOAuthApplicationParams = {
  name: string;
  description?: string;
  overview?: string;
  developerName?: string;
  logoUrl?: string;
  website?: string;
  installUrl?: string;
  screenshots?: string[];
  redirectUris: string[];
  scopes: string[];
  teamId: string;
  createdBy: string;
  isPublic?: boolean;
};

export type UpdateOAuthApplicationParams = {
  id: string;
  name?: string;
  description?: string;
  overview?: string;
  developerName?: string;
  logoUrl?: string;
  website?: string;
  installUrl?: string;
  screenshots?: string[];
  redirectUris?: string[];
  scopes?: string[];
  isPublic?: boolean;
  active?: boolean;
  status?: "draft" | "pending" | "approved" | "rejected";
  teamId: string;
};

export type DeleteOAuthApplicationParams = {
  id: string;
  teamId: string;
};

// Generate client credentials
function generateClientCredentials() {
  const clientId = `mid_client_${nanoid(24)}`;
  const clientSecret = `mid_app_secret_${nanoid(32)}`;
  const clientSecretHash = hash(clientSecret);

  return {
    clientId,
    clientSecret, // Return plain text for initial response
    clientSecretHash, // Store hash in database
  };
}

// Create OAuth application
export async function createOAuthApplication(
  db: Database,
  params: CreateOAuthApplicationParams,
) {
  const { clientId, clientSecret, clientSecretHash } =
    generateClientCredentials();

  // Generate unique slug
  const slug = await generateUniqueSlug(db, params.name);

  const [result] = await db
    .insert(oauthApplications)
    .values({
      ...params,
      slug,
      clientId,
      clientSecret: clientSecretHash, // Store hashed secret
    })
    .returning({
      id: oauthApplications.id,
      name: oauthApplications.name,
      slug: oauthApplications.slug,
      description: oauthApplications.description,
      overview: oauthApplications.overview,
      developerName: oauthApplications.developerName,
      logoUrl: oauthApplications.logoUrl,
      website: oauthApplications.website,
      installUrl: oauthApplications.installUrl,
      screenshots: oauthApplications.screenshots,
      redirectUris: oauthApplications.redirectUris,
      clientId: oauthApplications.clientId,
      scopes: oauthApplications.scopes,
      teamId: oauthApplications.teamId,
      createdBy: oauthApplications.createdBy,
      createdAt: oauthApplications.createdAt,
      updatedAt: oauthApplications.updatedAt,
      isPublic: oauthApplications.isPublic,
      active: oauthApplications.active,
      status: oauthApplications.status,
    });

  return {
    ...result,
    clientSecret, // Return plain text secret only once
  };
}

// Get OAuth applications owned by a team (for marketplace/apps page)
export async function getOAuthApplicationsByTeam(db: Database, teamId: string) {
  return db
    .select({
      id: oauthApplications.id,
      name: oauthApplications.name,
      slug: oauthApplications.slug,
      description: oauthApplications.description,
      overview: oauthApplications.overview,
      developerName: oauthApplications.developerName,
      logoUrl: oauthApplications.logoUrl,
      website: oauthApplications.website,
      installUrl: oauthApplications.installUrl,
      screenshots: oauthApplications.screenshots,
      redirectUris: oauthApplications.redirectUris,
      clientId: oauthApplications.clientId,
      scopes: oauthApplications.scopes,
      teamId: oauthApplications.teamId,
      createdBy: oauthApplications.createdBy,
      createdAt: oauthApplications.createdAt,
      updatedAt: oauthApplications.updatedAt,
      isPublic: oauthApplications.isPublic,
      active: oauthApplications.active,
      status: oauthApplications.status,
      createdByUser: {
        id: users.id,
        fullName: users.fullName,
        avatarUrl: users.avatarUrl,
      },
    })
    .from(oauthApplications)
    .leftJoin(users, eq(oauthApplications.createdBy, users.id))
    .where(eq(oauthApplications.teamId, teamId))
    .orderBy(desc(oauthApplications.createdAt));
}

// Get OAuth application by ID
export async function getOAuthApplicationById(
  db: Database,
  id: string,
  teamId: string,
) {
  const [result] = await db
    .select({
      id: oauthApplications.id,
      name: oauthApplications.name,
      slug: oauthApplications.slug,
      description: oauthApplications.description,
      overview: oauthApplications.overview,
      developerName: oauthApplications.developerName,
      logoUrl: oauthApplications.logoUrl,
      website: oauthApplications.website,
      installUrl: oauthApplications.installUrl,
      screenshots: oauthApplications.screenshots,
      redirectUris: oauthApplications.redirectUris,
      clientId: oauthApplications.clientId,
      scopes: oauthApplications.scopes,
      teamId: oauthApplications.teamId,
      createdBy: oauthApplications.createdBy,
      createdAt: oauthApplications.createdAt,
      updatedAt: oauthApplications.updatedAt,
      isPublic: oauthApplications.isPublic,
      active: oauthApplications.active,
      status: oauthApplications.status,
      createdByUser: {
        id: users.id,
        fullName: users.fullName,
        avatarUrl: users.avatarUrl,
      },
    })
    .from(oauthApplications)
    .leftJoin(users, eq(oauthApplications.createdBy, users.id))
    .where(
      and(eq(oauthApplications.id, id), eq(oauthApplications.teamId, teamId)),
    )
    .limit(1);

  return result;
}

// Get OAuth application by client ID
export async function getOAuthApplicationByClientId(
  db: Database,
  clientId: string,
) {
  const [result] = await db
    .select({
      id: oauthApplications.id,
      name: oauthApplications.name,
      slug: oauthApplications.slug,
      description: oauthApplications.description,
      overview: oauthApplications.overview,
      developerName: oauthApplications.developerName,
      logoUrl: oauthApplications.logoUrl,
      website: oauthApplications.website,
      installUrl: oauthApplications.installUrl,
      screenshots: oauthApplications.screenshots,
      redirectUris: oauthApplications.redirectUris,
      clientId: oauthApplications.clientId,
      clientSecret: oauthApplications.clientSecret,
      scopes: oauthApplications.scopes,
      teamId: oauthApplications.teamId,
      createdBy: oauthApplications.createdBy,
      createdAt: oauthApplications.createdAt,
      updatedAt: oauthApplications.updatedAt,
      isPublic: oauthApplications.isPublic,
      active: oauthApplications.active,
      status: oauthApplications.status,
    })
    .from(oauthApplications)
    .where(eq(oauthApplications.clientId, clientId))
    .limit(1);

  return result;
}

// Get OAuth application by slug
export async function getOAuthApplicationBySlug(
  db: Database,
  slug: string,
  teamId: string,
) {
  const [result] = await db
    .select({
      id: oauthApplications.id,
      name: oauthApplications.name,
      slug: oauthApplications.slug,
      description: oauthApplications.description,
      overview: oauthApplications.overview,
      developerName: oauthApplications.developerName,
      logoUrl: oauthApplications.logoUrl,
      website: oauthApplications.website,
      installUrl: oauthApplications.installUrl,
      screenshots: oauthApplications.screenshots,
      redirectUris: oauthApplications.redirectUris,
      clientId: oauthApplications.clientId,
      scopes: oauthApplications.scopes,
      teamId: oauthApplications.teamId,
      createdBy: oauthApplications.createdBy,
      createdAt: oauthApplications.createdAt,
      updatedAt: oauthApplications.updatedAt,
      isPublic: oauthApplications.isPublic,
      active: oauthApplications.active,
      status: oauthApplications.status,
      createdByUser: {
        id: users.id,
        fullName: users.fullName,
        avatarUrl: users.avatarUrl,
      },
    })
    .from(oauthApplications)
    .leftJoin(users, eq(oauthApplications.createdBy, users.id))
    .where(
      and(
        eq(oauthApplications.slug, slug),
        eq(oauthApplications.teamId, teamId),
      ),
    )
    .limit(1);

  return result;
}

// Update OAuth application
export async function updateOAuthApplication(
  db: Database,
  params: UpdateOAuthApplicationParams,
) {
  const { id, teamId, ...updateData } = params;

  // If name is being updated, regenerate the slug
  let slug: string | undefined;
  if (updateData.name) {
    slug = await generateUniqueSlug(db, updateData.name);
  }

  const [result] = await db
    .update(oauthApplications)
    .set({
      ...updateData,
      ...(slug && { slug }),
      updatedAt: new Date().toISOString(),
    })
    .where(
      and(eq(oauthApplications.id, id), eq(oauthApplications.teamId, teamId)),
    )
    .returning({
      id: oauthApplications.id,
      name: oauthApplications.name,
      slug: oauthApplications.slug,
      description: oauthApplications.description,
      overview: oauthApplications.overview,
      developerName: oauthApplications.developerName,
      logoUrl: oauthApplications.logoUrl,
      website: oauthApplications.website,
      installUrl: oauthApplications.installUrl,
      screenshots: oauthApplications.screenshots,
      redirectUris: oauthApplications.redirectUris,
      clientId: oauthApplications.clientId,
      scopes: oauthApplications.scopes,
      teamId: oauthApplications.teamId,
      createdBy: oauthApplications.createdBy,
      createdAt: oauthApplications.createdAt,
      updatedAt: oauthApplications.updatedAt,
      isPublic: oauthApplications.isPublic,
      active: oauthApplications.active,
      status: oauthApplications.status,
    });

  return result;
}

// Update OAuth application approval status
export async function updateOAuthApplicationstatus(
  db: Database,
  params: {
    id: string;
    teamId: string;
    status: "draft" | "pending" | "approved" | "rejected";
  },
) {
  const { id, teamId, status } = params;

  const [result] = await db
    .update(oauthApplications)
    .set({
      status,
      updatedAt: new Date().toISOString(),
    })
    .where(
      and(eq(oauthApplications.id, id), eq(oauthApplications.teamId, teamId)),
    )
    .returning({
      id: oauthApplications.id,
      name: oauthApplications.name,
      status: oauthApplications.status,
    });

  return result;
}

// Delete OAuth application (only team-owned apps can be fully deleted)
export async function deleteOAuthApplication(
  db: Database,
  params: DeleteOAuthApplicationParams,
) {
  const { id, teamId } = params;

  const [result] = await db
    .delete(oauthApplications)
    .where(
      and(eq(oauthApplications.id, id), eq(oauthApplications.teamId, teamId)),
    )
    .returning({
      id: oauthApplications.id,
      name: oauthApplications.name,
    });

  return result;
}

// Create a DCR (Dynamic Client Registration) application.
// Always creates a fresh app — claimed for a team at authorization time.
export type CreateDCRApplicationParams = {
  clientName: string;
  redirectUris: string[];
  scope?: string;
  logoUri?: string;
  clientUri?: string;
  grantTypes?: string[];
  tokenEndpointAuthMethod?: string;
};

export async function createDCRApplication(
  db: Database,
  params: CreateDCRApplicationParams,
) {
  const baseDcrSlug = `dcr-${params.clientName}`;

  const clientId = `mid_client_${nanoid(24)}`;
  const slug = await generateUniqueSlug(db, baseDcrSlug);

  const requestedScopes = params.scope
    ? params.scope.split(" ").filter(Boolean)
    : [];

  const [result] = await db
    .insert(oauthApplications)
    .values({
      name: params.clientName,
      slug,
      description: `DCR client: ${params.clientName}`,
      website: params.clientUri || null,
      logoUrl: params.logoUri || null,
      redirectUris: params.redirectUris,
      clientId,
      clientSecret: null,
      scopes: requestedScopes,
      teamId: null,
      createdBy: null,
      isPublic: true,
      active: true,
      status: "approved",
    })
    .returning({
      id: oauthApplications.id,
      name: oauthApplications.name,
      clientId: oauthApplications.clientId,
      redirectUris: oauthApplications.redirectUris,
      scopes: oauthApplications.scopes,
      isPublic: oauthApplications.isPublic,
      active: oauthApplications.active,
    });

  if (!result) {
    throw new Error("Failed to create DCR application");
  }

  return result;
}

// Claim an unclaimed DCR app for a team at authorization time
export async function claimDCRApplication(
  db: Database,
  applicationId: string,
  teamId: string,
  userId: string,
) {
  const [result] = await db
    .update(oauthApplications)
    .set({
      teamId,
      createdBy: userId,
      updatedAt: new Date().toISOString(),
    })
    .where(
      and(
        eq(oauthApplications.id, applicationId),
        isNull(oauthApplications.teamId),
      ),
    )
    .returning({ id: oauthApplications.id });

  return result;
}

// Regenerate client secret
export async function regenerateClientSecret(
  db: Database,
  id: string,
  teamId: string,
) {
  const clientSecret = `mid_app_secret_${nanoid(32)}`;
  const clientSecretHash = hash(clientSecret);

  const [result] = await db
    .update(oauthApplications)
    .set({
      clientSecret: clientSecretHash,
      updatedAt: new Date().toISOString(),
    })
    .where(
      and(eq(oauthApplications.id, id), eq(oauthApplications.teamId, teamId)),
    )
    .returning({
      id: oauthApplications.id,
      clientId: oauthApplications.clientId,
    });

  if (!result) {
    return null;
  }

  return {
    ...result,
    clientSecret, // Return plain text secret only once
  };
}
