namespace Catalog.Plugins.Ui;

/// <summary>A small status shown next to an entity's name (on its page and in search results).</summary>
public sealed record EntityBadge(string Label, EntityBadgeTone Tone)
{
    /// <summary>Longer explanation shown as a tooltip and to screen readers.</summary>
    public string? Detail { get; init; }
    public string? Href { get; init; }
}

public enum EntityBadgeTone
{
    Neutral,
    Good,
    Warning,
    Bad,
}
