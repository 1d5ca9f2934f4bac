namespace Catalog.Plugins.Ui;

/// <summary>
/// A card on an entity's overview. Same component contract as <see cref="EntityTab"/>, same error boundary:
/// one failing card never breaks the page.
/// </summary>
public sealed record EntityCard(string Title, EntityFilter Filter, Type Component)
{
    public int Order { get; init; } = 100;
}
