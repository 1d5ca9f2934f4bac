using Catalog.Domain.Entities;
using Catalog.Plugins.Security;
using Catalog.Web.ReadModel;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Catalog.Web.Api;

/// <summary>Read API for single entities: the same details the entity page shows, as JSON.</summary>
public static class EntitiesApi
{
    public static IEndpointRouteBuilder MapEntitiesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/entities").WithTags("Entities").RequireAuthorization(CatalogPolicies.Read);
        group.MapGet("/", GetEntityAsync)
            .WithName("GetEntity")
            .WithSummary("An entity's details by reference (kind:namespace:name), if it exists and the caller may see it.");
        return app;
    }

    private static async Task<Results<Ok<EntityDetails>, NotFound, ValidationProblem>> GetEntityAsync(
        string? @ref, CatalogReader reader, ICatalogPrincipalAccessor principals, HttpContext context, CancellationToken cancellationToken)
    {
        if (!EntityRef.TryParse(@ref, out var entityRef))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["ref"] = ["Expected an entity reference of the form kind:namespace:name, e.g. dataset:food_delivery:public.orders."] });
        var principal = await principals.GetAsync(context.User, cancellationToken);
        var details = await reader.GetDetailsAsync(entityRef, principal, cancellationToken);
        return details is null ? TypedResults.NotFound() : TypedResults.Ok(details);
    }
}
