using System.Text.Json;

namespace Catalog.Plugins.Avro.Parsing;

/// <summary>
/// Reads schema JSON. Strict JSON first; if that fails only because of trailing commas or comments (the real-world
/// quirk of Avro's own <c>csharp_perf_schema.avsc</c>, which Avro's Java and C# parsers accept), the document is
/// read leniently and a warning says where the first non-standard construct is. Anything else is a precise error.
/// </summary>
public static class AvroJson
{
    private static readonly JsonDocumentOptions Strict = new() { MaxDepth = 256 };
    private static readonly JsonDocumentOptions Lenient = new() { MaxDepth = 256, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static JsonDocument Parse(ReadOnlyMemory<byte> content, out string? warning)
    {
        warning = null;
        // Editors on Windows save JSON with a UTF-8 byte-order mark, which the JSON parser rejects.
        if (content.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) content = content[3..];
        try
        {
            return JsonDocument.Parse(content, Strict);
        }
        catch (JsonException strictError)
        {
            try
            {
                var document = JsonDocument.Parse(content, Lenient);
                warning = $"not strict JSON at {Position(strictError)} ({FirstLine(strictError.Message)}); read leniently (trailing commas/comments tolerated)";
                return document;
            }
            catch (JsonException)
            {
                throw new AvroSchemaException(Position(strictError), $"not valid JSON: {FirstLine(strictError.Message)}");
            }
        }
    }

    public static string Position(JsonException error) =>
        error.LineNumber is { } line ? $"line {line + 1}, column {(error.BytePositionInLine ?? 0) + 1}" : "unknown position";

    private static string FirstLine(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
    }
}
