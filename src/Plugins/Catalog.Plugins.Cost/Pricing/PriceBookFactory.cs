using Catalog.Domain.Cost;

namespace Catalog.Plugins.Cost.Pricing;

/// <summary>The built-in price book with the configured rows laid over it, checked so a typo fails start-up clearly.</summary>
public static class PriceBookFactory
{
    public static PriceBook Create(CostOptions options)
    {
        var problems = Validate(options).ToList();
        if (problems.Count > 0)
            throw new InvalidOperationException("Plugins:cost configuration is invalid: " + string.Join(" ", problems));
        return DefaultPrices.Book.With(
            options.Currency,
            options.Prices.Storage.Select(p => new StoragePrice(Blank(p.Platform), Blank(p.StorageClass), p.PerGbMonth)),
            options.Prices.Compute.Select(p => new ComputePrice(Blank(p.Platform), p.PerUnitHour, p.Units) { PerTbScanned = p.PerTbScanned }));
    }

    public static IEnumerable<string> Validate(CostOptions options)
    {
        if (options.Currency is { } c && (c.Length != 3 || !c.All(char.IsAsciiLetterUpper)))
            yield return $"Currency '{c}' must be a three-letter ISO code such as USD or EUR.";
        for (var i = 0; i < options.Prices.Storage.Count; i++)
            if (options.Prices.Storage[i].PerGbMonth < 0)
                yield return $"Prices:Storage:{i}:PerGbMonth must not be negative.";
        for (var i = 0; i < options.Prices.Compute.Count; i++)
        {
            var p = options.Prices.Compute[i];
            if (p.PerUnitHour < 0 || p.Units < 0 || p.PerTbScanned < 0)
                yield return $"Prices:Compute:{i} must not have negative PerUnitHour, Units or PerTbScanned.";
        }
        if (options.BackfillDays is < 0 or > 3660)
            yield return $"BackfillDays must be between 0 and 3660 (was {options.BackfillDays}).";
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
