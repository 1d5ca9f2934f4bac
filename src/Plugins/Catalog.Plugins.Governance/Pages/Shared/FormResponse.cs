using Catalog.Plugins.Governance.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Catalog.Plugins.Governance.Pages.Shared;

/// <summary>Pages answer a refused or invalid form with the matching status code, so scripts and tests see 400/403/409 too.</summary>
internal static class FormResponse
{
    public static void Apply(HttpContext? context, Outcome outcome)
    {
        if (context is not null && !context.Response.HasStarted && !outcome.Succeeded)
            context.Response.StatusCode = outcome.HttpStatus;
    }
}
