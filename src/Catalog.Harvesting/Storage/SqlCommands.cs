using Npgsql;
using NpgsqlTypes;

namespace Catalog.Harvesting.Storage;

/// <summary>Small helpers so the SQL files read as SQL: typed parameters that are null-safe.</summary>
internal static class SqlCommands
{
    public static NpgsqlBatchCommand Command(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }

    public static NpgsqlParameter Text(string name, string? value) =>
        new(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value };

    public static NpgsqlParameter TextArray(string name, IEnumerable<string?> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values.Select(v => (object?)v ?? DBNull.Value).ToArray() };

    public static NpgsqlParameter Int(string name, int? value) =>
        new(name, NpgsqlDbType.Integer) { Value = (object?)value ?? DBNull.Value };

    public static NpgsqlParameter IntArray(string name, IEnumerable<int> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = values.ToArray() };

    public static NpgsqlParameter Long(string name, long? value) =>
        new(name, NpgsqlDbType.Bigint) { Value = (object?)value ?? DBNull.Value };

    public static NpgsqlParameter Bool(string name, bool? value) =>
        new(name, NpgsqlDbType.Boolean) { Value = (object?)value ?? DBNull.Value };

    public static NpgsqlParameter BoolArray(string name, IEnumerable<bool?> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Boolean) { Value = values.Select(v => (object?)v ?? DBNull.Value).ToArray() };

    public static NpgsqlParameter Uuid(string name, Guid? value) =>
        new(name, NpgsqlDbType.Uuid) { Value = (object?)value ?? DBNull.Value };

    public static NpgsqlParameter Time(string name, DateTimeOffset? value) =>
        new(name, NpgsqlDbType.TimestampTz) { Value = value is { } v ? v.UtcDateTime : DBNull.Value };

    public static NpgsqlParameter Jsonb(string name, string? json) =>
        new(name, NpgsqlDbType.Jsonb) { Value = (object?)json ?? DBNull.Value };

    public static NpgsqlParameter Bytes(string name, byte[] value) =>
        new(name, NpgsqlDbType.Bytea) { Value = value };
}
