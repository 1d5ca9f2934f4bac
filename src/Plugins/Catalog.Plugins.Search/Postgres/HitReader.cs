using Catalog.Plugins.Search.Engine;
using Npgsql;

namespace Catalog.Plugins.Search.Postgres;

/// <summary>Reads one row of <see cref="SearchSql.Page"/> into a hit with its highlights.</summary>
internal static class HitReader
{
    public static SearchHit Read(NpgsqlDataReader reader, IReadOnlyList<string> words)
    {
        var name = reader.GetString(5);
        return new SearchHit
        {
            Score = (double)reader.GetDecimal(0),
            EntityId = reader.GetInt64(1),
            Ref = reader.GetString(2),
            Kind = reader.GetString(3),
            Namespace = reader.GetString(4),
            Name = name,
            Title = reader.IsDBNull(6) ? null : reader.GetString(6),
            OwnerRef = reader.IsDBNull(7) ? null : reader.GetString(7),
            Platform = reader.IsDBNull(8) ? null : reader.GetString(8),
            Classification = reader.GetString(9),
            Deprecated = reader.GetBoolean(10),
            Tags = reader.GetFieldValue<string[]>(11),
            NameHighlight = Highlight.Mark(name, words.ToList()),
            Snippet = Highlight.FromDelimited(reader.IsDBNull(12) ? null : reader.GetString(12), SearchSql.MarkStart, SearchSql.MarkStop),
            MatchedColumns = reader.GetFieldValue<string[]>(13).Select(c => Highlight.Mark(c, words.ToList())).ToList(),
        };
    }
}
