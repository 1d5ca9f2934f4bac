namespace Catalog.Domain.Policies;

/// <summary>Sensitivity of data, ordered: a higher value is more sensitive. Propagation and caps rely on the order.</summary>
public enum Classification
{
    Public = 0,
    Internal = 1,
    Confidential = 2,
    /// <summary>Personally identifiable information: the strictest retention and access rules apply.</summary>
    Pii = 3,
}

public static class Classifications
{
    public static bool TryParse(string? value, out Classification classification)
    {
        classification = Classification.Internal;
        if (string.IsNullOrWhiteSpace(value)) return false;
        var normalised = value.Trim().ToLowerInvariant();
        switch (normalised)
        {
            case "public": classification = Classification.Public; return true;
            case "internal": classification = Classification.Internal; return true;
            case "confidential" or "restricted" or "sensitive": classification = Classification.Confidential; return true;
            case "pii" or "personal" or "personal-data": classification = Classification.Pii; return true;
            default: return false;
        }
    }

    public static string ToWire(this Classification classification) => classification.ToString().ToLowerInvariant();

    public static Classification Max(Classification a, Classification b) => a >= b ? a : b;
}
