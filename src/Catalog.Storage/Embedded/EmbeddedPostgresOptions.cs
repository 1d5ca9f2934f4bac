namespace Catalog.Storage.Embedded;

/// <summary>Where and how to run the private PostgreSQL cluster used when no connection string is configured.</summary>
public sealed class EmbeddedPostgresOptions
{
    /// <summary>The cluster's folder. Default: <c>.catalog/postgres</c> in the repository (git-ignored).</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Folder holding initdb/pg_ctl. Default: the newest <c>/usr/lib/postgresql/*/bin</c>.</summary>
    public string? BinDirectory { get; set; }

    /// <summary>Preferred port; 0 picks a free one (kept across restarts while it stays free).</summary>
    public int Port { get; set; }

    public string Database { get; set; } = "catalog";

    /// <summary>OS user that runs the cluster when this process is root (initdb refuses to run as root).</summary>
    public string OsUser { get; set; } = "postgres";

    /// <summary>Trade durability for speed (fsync off): for throwaway test clusters only.</summary>
    public bool Ephemeral { get; set; }
}
