using Npgsql;

namespace Catalog.Plugins.Search.Postgres;

/// <summary>
/// Writes documents contributed by plugins (<see cref="ISearchDocumentSource"/>) with the same weights the
/// triggers use for core kinds: A name, B qualified name/columns/tags/owner, C title, D description.
/// </summary>
public sealed class SearchDocumentWriter(NpgsqlDataSource dataSource, IEnumerable<ISearchDocumentSource> sources)
{
    private const int Page = 1000;

    public static string SourceName(ISearchDocumentSource source) => source.GetType().FullName ?? source.GetType().Name;

    public async Task WriteAsync(IReadOnlyCollection<SearchDocument> documents, string source, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await WriteAsync(connection, transaction, documents, source, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    internal static async Task WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        IReadOnlyCollection<SearchDocument> documents, string source, CancellationToken cancellationToken)
    {
        if (documents.Count == 0) return;
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var document in documents) batch.BatchCommands.Add(Upsert(document, source));
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    // Visibility and lifecycle come from the entity row, never from the contributed document: a plugin cannot make
    // a restricted entity public or resurrect a deleted one.
    private static NpgsqlBatchCommand Upsert(SearchDocument d, string source)
    {
        var command = new NpgsqlBatchCommand("""
            INSERT INTO search_documents AS s (
                id, ref, kind, namespace, name, qualified_name, title, description, columns, column_keys, tags, tag_keys,
                owner_ref, owner_key, platform, platform_key, classification, visibility, deprecated, popularity,
                name_key, short_key, qualified_key, document, source, updated_at)
            SELECT e.id, e.ref, e.kind, e.namespace, @name, @qualified, @title, left(@description, 8192),
                   @columns, (SELECT coalesce(array_agg(DISTINCT search_fold(c)), '{}') FROM unnest(@columns::text[]) c),
                   @tags, (SELECT coalesce(array_agg(DISTINCT search_fold(t)), '{}') FROM unnest(@tags::text[]) t),
                   e.owner_ref, search_fold(substring(coalesce(@owner, e.owner_ref) FROM '[^:]+$')),
                   coalesce(@platform, e.platform), search_fold(coalesce(@platform, e.platform)),
                   coalesce(@classification, e.classification), e.visibility, @deprecated OR e.lifecycle = 'deprecated',
                   greatest(@popularity, search_popularity(e.id)),
                   search_fold(@name), search_short_name(@name), search_fold(coalesce(@qualified, e.namespace || '.' || @name)),
                   setweight(to_tsvector('catalog_search', search_words(@name)), 'A')
                   || setweight(to_tsvector('catalog_search', search_words(@qualified) || ' ' || search_words(array_to_string(@columns::text[], ' '))
                                || ' ' || search_words(array_to_string(@tags::text[], ' ')) || ' ' || search_words(substring(coalesce(@owner, e.owner_ref) FROM '[^:]+$'))), 'B')
                   || setweight(to_tsvector('catalog_search', coalesce(@title, '')), 'C')
                   || setweight(to_tsvector('catalog_search', coalesce(@description, '')), 'D'),
                   @source, now()
            FROM entities e
            WHERE e.id = @id AND e.lifecycle IN ('active', 'deprecated')
            ON CONFLICT (id) DO UPDATE SET
                name = excluded.name, qualified_name = excluded.qualified_name, title = excluded.title,
                description = excluded.description, columns = excluded.columns, column_keys = excluded.column_keys,
                tags = excluded.tags, tag_keys = excluded.tag_keys, owner_ref = excluded.owner_ref, owner_key = excluded.owner_key,
                platform = excluded.platform, platform_key = excluded.platform_key, classification = excluded.classification,
                visibility = excluded.visibility, deprecated = excluded.deprecated, popularity = excluded.popularity,
                name_key = excluded.name_key, short_key = excluded.short_key, qualified_key = excluded.qualified_key,
                document = excluded.document, source = excluded.source, updated_at = excluded.updated_at
            """);
        var p = command.Parameters;
        p.AddWithValue("id", d.EntityId);
        p.AddWithValue("name", d.Name);
        p.AddWithValue("qualified", (object?)d.QualifiedName ?? DBNull.Value);
        p.AddWithValue("title", (object?)d.Title ?? DBNull.Value);
        p.AddWithValue("description", (object?)d.Description ?? DBNull.Value);
        p.AddWithValue("columns", d.Columns.Take(2000).ToArray());
        p.AddWithValue("tags", d.Tags.Take(Catalog.Domain.Entities.MetadataLimits.Tags).ToArray());
        p.AddWithValue("owner", (object?)d.Owner ?? DBNull.Value);
        p.AddWithValue("platform", (object?)d.Platform ?? DBNull.Value);
        p.AddWithValue("classification", (object?)d.Classification ?? DBNull.Value);
        p.AddWithValue("deprecated", d.Deprecated);
        p.AddWithValue("popularity", (float)d.Popularity);
        p.AddWithValue("source", source);
        foreach (NpgsqlParameter parameter in p)
            if (parameter.Value is DBNull) parameter.NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text;
        return command;
    }

    /// <summary>Asks every registered source for all documents of its kinds. Returns how many were written.</summary>
    public async Task<long> RebuildContributedAsync(CancellationToken cancellationToken)
    {
        long written = 0;
        foreach (var source in sources)
        {
            long after = 0;
            while (true)
            {
                var ids = new List<long>();
                await using (var command = dataSource.CreateCommand(
                    "SELECT id FROM entities WHERE kind = ANY(@kinds) AND id > @after AND lifecycle IN ('active', 'deprecated') ORDER BY id LIMIT @page"))
                {
                    command.Parameters.AddWithValue("kinds", source.Kinds.ToArray());
                    command.Parameters.AddWithValue("after", after);
                    command.Parameters.AddWithValue("page", Page);
                    await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                    while (await reader.ReadAsync(cancellationToken)) ids.Add(reader.GetInt64(0));
                }
                if (ids.Count == 0) break;
                after = ids[^1];
                var documents = await Collect(source, ids, cancellationToken);
                await WriteAsync(documents, SourceName(source), cancellationToken);
                written += documents.Count;
            }
        }
        return written;
    }

    internal static async Task<List<SearchDocument>> Collect(ISearchDocumentSource source, IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.ToHashSet();
        var documents = new List<SearchDocument>();
        await foreach (var document in source.GetDocumentsAsync(ids, cancellationToken))
            if (wanted.Contains(document.EntityId)) documents.Add(document);
        return documents;
    }
}
