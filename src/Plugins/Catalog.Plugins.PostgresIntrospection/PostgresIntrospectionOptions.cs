namespace Catalog.Plugins.PostgresIntrospection;

/// <summary>Configuration section <c>Plugins:postgres-introspection</c>.</summary>
public sealed class PostgresIntrospectionOptions
{
    /// <summary>
    /// The OpenLineage namespace for the harvested datasets. Default (null): <c>postgres://{host}:{port}</c> from the
    /// connection string. Set it when the catalog connects through a tunnel or replica but producers name the primary.
    /// </summary>
    public string? Namespace { get; set; }

    /// <summary>Schemas not harvested (system schemas never are).</summary>
    public string[] ExcludeSchemas { get; set; } = [];

    /// <summary>Seconds each catalog query may take.</summary>
    public int CommandTimeoutSeconds { get; set; } = 60;
}
