namespace Catalog.Web.Errors;

/// <summary>
/// The one place parameters are checked for <see cref="InvalidCharacters"/>: the path and route values, every query
/// parameter and every field of a posted form. A hit is a 400 naming the parameter and the character, before any
/// endpoint or page runs. JSON bodies are checked where they are read (their fields have names only there).
/// </summary>
internal sealed class InvalidInputMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var found = Find("path", request.Path.Value)
            ?? context.GetRouteData().Values.Select(v => Find(v.Key, v.Value as string)).FirstOrDefault(f => f is not null)
            ?? request.Query.SelectMany(q => q.Value.Select(v => Find(q.Key, v)).Prepend(Find(q.Key, q.Key))).FirstOrDefault(f => f is not null);
        if (found is null && request.HasFormContentType && !HttpMethods.IsGet(request.Method))
        {
            var form = await request.ReadFormAsync(context.RequestAborted);
            found = form.SelectMany(f => f.Value.Select(v => Find(f.Key, v)).Prepend(Find(f.Key, f.Key))).FirstOrDefault(f => f is not null);
        }
        if (found is { } bad)
        {
            await ErrorResponses.WriteAsync(context, StatusCodes.Status400BadRequest, "Invalid character in a parameter",
                $"Parameter '{bad.Name}' contains {bad.What} at position {bad.Position}; remove it and try again.",
                new Dictionary<string, string[]> { [bad.Name] = [$"contains {bad.What} at position {bad.Position}"] });
            return;
        }
        await next(context);
    }

    private static Invalid? Find(string name, string? value)
    {
        var index = InvalidCharacters.IndexOf(value);
        return index < 0 ? null : new Invalid(SafeName(name), InvalidCharacters.Describe(value![index]), index);
    }

    /// <summary>The name itself may be the bad part: never echo its invalid characters.</summary>
    private static string SafeName(string name) =>
        InvalidCharacters.IndexOf(name) < 0 ? name : new string([.. name.Select(c => InvalidCharacters.IndexOf(c.ToString()) < 0 ? c : '?')]);

    private sealed record Invalid(string Name, string What, int Position);
}
