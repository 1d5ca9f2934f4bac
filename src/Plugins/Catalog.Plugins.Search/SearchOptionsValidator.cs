using Microsoft.Extensions.Options;

namespace Catalog.Plugins.Search;

/// <summary>Stops start-up with messages that name each invalid <c>Plugins:search</c> key and its allowed range.</summary>
internal sealed class SearchOptionsValidator : IValidateOptions<SearchOptions>
{
    public ValidateOptionsResult Validate(string? name, SearchOptions options)
    {
        var failures = options.Validate().ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
