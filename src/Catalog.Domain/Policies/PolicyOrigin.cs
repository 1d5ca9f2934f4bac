namespace Catalog.Domain.Policies;

/// <summary>Where an effective policy comes from, shown next to it so owners know what to change.</summary>
public enum PolicyOrigin
{
    /// <summary>Edited in the portal for this endpoint.</summary>
    Portal,
    /// <summary>Declared in descriptor YAML next to the pipeline's code.</summary>
    Descriptor,
    /// <summary>The default of the endpoint's namespace.</summary>
    NamespaceDefault,
    /// <summary>The default (or cap) of the endpoint's classification.</summary>
    ClassificationDefault,
    /// <summary>Nothing declared anywhere: the catalog-wide default.</summary>
    CatalogDefault,
}
