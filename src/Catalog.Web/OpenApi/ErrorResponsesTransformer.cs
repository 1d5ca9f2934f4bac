using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Catalog.Web.OpenApi;

/// <summary>
/// Declares, on every operation of <c>/openapi/v1.json</c>, the error statuses the host itself can answer for it — so
/// each plugin only declares its own (404, 409…): 400 (a parameter with an invalid character or that does not bind),
/// 404 when the path has parameters, 401/403 when the endpoint requires a policy, and for writes 413 (body over the server's limit), 415 (a JSON body
/// of another type) and 429 (rate limits). Every error is problem details (RFC 9457). An operation left without any
/// success response gets its 200 back (declaring only errors would otherwise hide it).
/// </summary>
internal sealed class ErrorResponsesTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var responses = operation.Responses ??= new OpenApiResponses();
        if (!responses.Keys.Any(k => k.StartsWith('2') || k.StartsWith('3')))
            responses["200"] = new OpenApiResponse { Description = "OK" };
        Add(responses, StatusCodes.Status400BadRequest, "A parameter is invalid (an invalid character, a value that does not bind, or a rule it breaks).");
        // A path value that does not match the route's constraint matches no endpoint.
        if (description.ParameterDescriptions.Any(p => p.Source == Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource.Path))
            Add(responses, StatusCodes.Status404NotFound, "Nothing at this address (no such resource, or a path value of the wrong form).");
        var metadata = description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAuthorizeData>().Any() || IsWrite(description.HttpMethod))
        {
            Add(responses, StatusCodes.Status401Unauthorized, "Sign in or send an API token.");
            Add(responses, StatusCodes.Status403Forbidden, "The caller may not do this.");
        }
        if (IsWrite(description.HttpMethod))
        {
            Add(responses, StatusCodes.Status413PayloadTooLarge, "The body is larger than the limit the problem names.");
            Add(responses, StatusCodes.Status415UnsupportedMediaType, "The body is not of the expected content type.");
            Add(responses, StatusCodes.Status429TooManyRequests, "Too many writes from this address or account; see Retry-After.");
        }
        return Task.CompletedTask;
    }

    private static bool IsWrite(string? method) =>
        method is not null && !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method) && !HttpMethods.IsOptions(method);

    private static void Add(OpenApiResponses responses, int status, string description)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (responses.ContainsKey(key)) return;
        responses[key] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.Object } },
            },
        };
    }
}
