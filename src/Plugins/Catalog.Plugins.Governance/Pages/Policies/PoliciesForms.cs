namespace Catalog.Plugins.Governance.Pages.Policies;

/// <summary>The Policies tab's forms, as posted. Field names in the markup are <c>{Property}.{Field}</c>.</summary>
public sealed class RetentionForm
{
    public string? Mode { get; set; }
    public string? Value { get; set; }
    public string? Justification { get; set; }
    public string? Reason { get; set; }
    public int Version { get; set; }
    /// <summary><c>preview</c> computes the plan; <c>save</c> saves (and shows the plan of what was saved).</summary>
    public string? Intent { get; set; }
}

public sealed class ResetForm
{
    public int Version { get; set; }
    public string? Reason { get; set; }
}

public sealed class GrantForm
{
    public string? Principal { get; set; }
    public string? Permission { get; set; }
    public string? ExpiresAt { get; set; }
    public string? Reason { get; set; }
}

public sealed class GrantRemoveForm
{
    public long GrantId { get; set; }
}

public sealed class ClassifyForm
{
    public string? Field { get; set; }
    public string? Classification { get; set; }
    public int Version { get; set; }
    public string? Reason { get; set; }
}

public sealed class SuggestionForm
{
    /// <summary><c>accept|field|suggested</c> or <c>reject|field|suggested</c>, from the button pressed.</summary>
    public string? Decision { get; set; }
    public int Version { get; set; }
}

public sealed class RequestForm
{
    public string? Permission { get; set; }
    public string? Reason { get; set; }
}
