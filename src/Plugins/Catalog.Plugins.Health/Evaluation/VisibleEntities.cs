using Catalog.Plugins.Security;
using Catalog.Storage;
using Npgsql;

namespace Catalog.Plugins.Health.Evaluation;

/// <summary>Which of some entities a principal may see (<see cref="VisibilityFilter"/>): restricted ones are left off the health page.</summary>
public sealed class VisibleEntities(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlySet<long>> FilterAsync(IReadOnlyCollection<long> ids, CatalogPrincipal principal, CancellationToken cancellationToken = default)
    {
        if (ids.Count == 0) return new HashSet<long>();
        await using var command = dataSource.CreateCommand($"SELECT e.id FROM entities e WHERE e.id = ANY(@ids) AND {VisibilityFilter.Sql("e")}");
        command.Parameters.AddWithValue("ids", ids.ToArray());
        VisibilityFilter.AddParameters(command.Parameters, principal.SeesEverything, principal.PrincipalRefs, principal.AsOf);
        var visible = new HashSet<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) visible.Add(reader.GetInt64(0));
        return visible;
    }
}
