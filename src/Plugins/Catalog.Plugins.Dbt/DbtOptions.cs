namespace Catalog.Plugins.Dbt;

/// <summary>Configuration of the dbt harvester, bound from <c>Plugins:dbt</c>.</summary>
public sealed class DbtOptions
{
    /// <summary>Dataset namespace when the manifest names no adapter (e.g. a trimmed manifest without metadata). Default <c>dbt</c>.</summary>
    public string DefaultNamespace { get; set; } = "dbt";

    /// <summary>Namespace of the jobs that build models (<c>job:dbt:&lt;project&gt;.&lt;model&gt;</c>). Default <c>dbt</c>.</summary>
    public string JobNamespace { get; set; } = "dbt";

    /// <summary>Longest SQL kept on a job (characters); dbt's compiled SQL can be very long. Default 64 KiB.</summary>
    public int MaxSqlLength { get; set; } = 64 * 1024;
}
