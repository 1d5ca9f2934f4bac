using Catalog.Domain.Entities;

namespace Catalog.Plugins.Ui;

/// <summary>What tabs and cards receive about the entity being shown.</summary>
public sealed record EntityContext(long Id, CatalogEntity Entity)
{
    public EntityRef Ref => Entity.Ref;
}
