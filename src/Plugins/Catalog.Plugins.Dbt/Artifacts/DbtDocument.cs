using System.Text.Json;

namespace Catalog.Plugins.Dbt.Artifacts;

internal static class DbtDocument
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 512 };

    /// <summary>Parses an artifact; invalid JSON becomes a <see cref="DbtArtifactException"/> with line and column.</summary>
    public static JsonDocument Parse(ReadOnlyMemory<byte> content)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(WithoutBom(content), Options);
        }
        catch (JsonException error)
        {
            var position = error.LineNumber is { } line ? $"line {line + 1}, column {(error.BytePositionInLine ?? 0) + 1}" : "unknown position";
            var message = error.Message.Split(" LineNumber:")[0].TrimEnd('.', ' ');
            throw new DbtArtifactException(position, $"not valid JSON: {message}");
        }
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw new DbtArtifactException("$", "expected a JSON object at the top level of a dbt artifact");
        }
        return document;
    }

    /// <summary>Editors on Windows save JSON with a UTF-8 byte-order mark, which the JSON parser rejects.</summary>
    public static ReadOnlyMemory<byte> WithoutBom(ReadOnlyMemory<byte> content) =>
        content.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? content[3..] : content;
}
