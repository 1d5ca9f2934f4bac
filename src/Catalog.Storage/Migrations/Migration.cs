using System.Security.Cryptography;
using System.Text;

namespace Catalog.Storage.Migrations;

/// <summary>One numbered SQL file from db/migrations.</summary>
public sealed record Migration(int Number, string Name, string Sql)
{
    public string Checksum => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));

    public string FileName => $"{Number:D4}_{Name}.sql";

    public static Migration FromFileName(string fileName, string sql)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName);
        var underscore = stem.IndexOf('_', StringComparison.Ordinal);
        if (underscore < 1 || !int.TryParse(stem[..underscore], out var number))
            throw new InvalidOperationException($"Migration file '{fileName}' must be named NNNN_description.sql.");
        return new Migration(number, stem[(underscore + 1)..], sql);
    }
}
