using System.Reflection;

namespace Catalog.Storage.Migrations;

/// <summary>The migrations compiled into this assembly from db/migrations, in number order.</summary>
public static class MigrationSource
{
    public static IReadOnlyList<Migration> Embedded()
    {
        var assembly = typeof(MigrationSource).Assembly;
        var migrations = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("migrations/", StringComparison.Ordinal))
            .Select(n => Migration.FromFileName(n["migrations/".Length..], Read(assembly, n)))
            .OrderBy(m => m.Number)
            .ToList();
        var duplicate = migrations.GroupBy(m => m.Number).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"Two migrations share number {duplicate.Key}: {string.Join(", ", duplicate.Select(m => m.FileName))}.");
        return migrations;
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
