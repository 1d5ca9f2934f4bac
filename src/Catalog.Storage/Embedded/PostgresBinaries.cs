namespace Catalog.Storage.Embedded;

/// <summary>Finds PostgreSQL's server binaries as Debian installs them.</summary>
public static class PostgresBinaries
{
    public static string Locate(string? configured)
    {
        if (!string.IsNullOrEmpty(configured))
            return File.Exists(Path.Combine(configured, "initdb")) ? configured
                : throw new InvalidOperationException($"Catalog:Database:Embedded:BinDirectory is '{configured}', but it has no initdb.");
        const string debianRoot = "/usr/lib/postgresql";
        var newest = Directory.Exists(debianRoot)
            ? Directory.GetDirectories(debianRoot)
                .Select(d => (Dir: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .Where(x => File.Exists(Path.Combine(x.Dir, "initdb")))
                .OrderByDescending(x => x.Version)
                .Select(x => x.Dir)
                .FirstOrDefault()
            : null;
        return newest ?? throw new InvalidOperationException(
            "PostgreSQL server binaries were not found under /usr/lib/postgresql. Install them with " +
            "'apt-get install -y postgresql postgresql-contrib' (./catalog.sh does this), or set ConnectionStrings:Catalog to use an existing server.");
    }
}
