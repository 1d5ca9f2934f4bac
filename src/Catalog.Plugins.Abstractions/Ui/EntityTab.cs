namespace Catalog.Plugins.Ui;

/// <summary>
/// A tab on the entity page at <c>/entity/{ref}/{Path}</c>. <see cref="Component"/> is a Razor component with a
/// <c>[Parameter] public EntityContext Entity</c>; it renders inside an error boundary, so a failing tab shows an
/// error in its own frame and the rest of the page stands.
/// </summary>
public sealed record EntityTab(string Path, string Title, EntityFilter Filter, Type Component)
{
    /// <summary>Lower comes first; the built-in overview is 0.</summary>
    public int Order { get; init; } = 100;
}
