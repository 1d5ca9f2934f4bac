namespace Catalog.Domain.Lineage.Graph;

/// <summary>Which way to walk from a node. Edges point the way data flows, so downstream follows them.</summary>
public enum LineageDirection
{
    /// <summary>Against the flow: what feeds this node.</summary>
    Upstream,
    /// <summary>With the flow: what this node feeds.</summary>
    Downstream,
    /// <summary>Upstream and downstream separately (never sideways to siblings, which is what makes graphs explode).</summary>
    Both,
}
