using Microsoft.AspNetCore.Authorization;

namespace Catalog.Plugins.Governance.Authorization;

/// <summary>Read catalog metadata: anyone when sign-in is not required, else a person or a token with the read scope.</summary>
public sealed class ReadRequirement : IAuthorizationRequirement;

/// <summary>Push metadata: a token with the ingest scope, or an admin; anyone when ingest tokens are not required.</summary>
public sealed class IngestRequirement : IAuthorizationRequirement;

/// <summary>Change an entity's policies: a signed-in person (not a token) in the owning team, or an admin.</summary>
public sealed class OwnerRequirement : IAuthorizationRequirement;

/// <summary>A person holding one of the roles (auditor or admin for audit pages; admin for administration).</summary>
public sealed class RoleRequirement(params string[] roles) : IAuthorizationRequirement
{
    public IReadOnlyList<string> Roles { get; } = roles;
}
