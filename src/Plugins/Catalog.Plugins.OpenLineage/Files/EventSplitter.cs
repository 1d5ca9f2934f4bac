using System.Text;
using System.Text.Json;

namespace Catalog.Plugins.OpenLineage.Files;

/// <summary>One event found in an input, or the reason a part of the input is not JSON; <see cref="Position"/> says where.</summary>
internal sealed record SplitEvent(string Position, string PathPrefix, JsonElement? Event, string? Error);

/// <summary>
/// Splits an input into events: a single event object, a JSON array of events, or newline-delimited JSON
/// (one event per line; <c>.jsonl</c>/<c>.ndjson</c>, or any file whose text holds several objects).
/// </summary>
internal static class EventSplitter
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 128, AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Skip };

    public static IReadOnlyList<SplitEvent> Split(ReadOnlyMemory<byte> content, string location)
    {
        var bytes = content.Span.StartsWith(Encoding.UTF8.Preamble) ? content[Encoding.UTF8.Preamble.Length..] : content;
        var first = FirstSignificant(bytes.Span);
        if (first is null) return [new SplitEvent("file", "$", null, "the input is empty: expected an OpenLineage event, a JSON array of events or NDJSON")];
        var ndjsonByName = location.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || location.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase);
        if (!ndjsonByName)
        {
            try
            {
                using var document = JsonDocument.Parse(bytes, Options);
                var root = document.RootElement.Clone();
                return root.ValueKind == JsonValueKind.Array
                    ? [.. root.EnumerateArray().Select((e, i) => new SplitEvent($"element {i + 1}", $"$[{i}]", e, null))]
                    : [new SplitEvent("file", "$", root, null)];
            }
            catch (JsonException e) when (first == '{' && IsTrailingContent(e))
            {
                // Several top-level objects: newline-delimited JSON without the extension.
            }
            catch (JsonException e)
            {
                return [new SplitEvent(Where(e), "$", null, $"not valid JSON: {Clean(e.Message)}")];
            }
        }
        return Lines(bytes);
    }

    /// <summary>
    /// How many events <paramref name="content"/> holds, counting no further than <paramref name="stopAfter"/>: a cheap
    /// scan (no document is built) so a request over the limit is refused before any work. Invalid JSON stops the count;
    /// <see cref="Split"/> reports it.
    /// </summary>
    public static int Count(ReadOnlySpan<byte> content, int stopAfter)
    {
        var reader = new Utf8JsonReader(content, new JsonReaderOptions { AllowMultipleValues = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 128 });
        var count = 0;
        try
        {
            while (count < stopAfter && reader.Read())
            {
                if (reader.TokenType == JsonTokenType.StartArray && reader.CurrentDepth == 0)
                {
                    while (count < stopAfter && reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        count++;
                        reader.Skip();
                    }
                    continue;
                }
                count++;
                reader.Skip();
            }
        }
        catch (JsonException)
        {
        }
        return count;
    }

    private static List<SplitEvent> Lines(ReadOnlyMemory<byte> bytes)
    {
        var events = new List<SplitEvent>();
        var text = Encoding.UTF8.GetString(bytes.Span);
        var lineNumber = 0;
        foreach (var line in text.Split('\n'))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                using var document = JsonDocument.Parse(line, Options);
                events.Add(new SplitEvent($"line {lineNumber}", "$", document.RootElement.Clone(), null));
            }
            catch (JsonException e)
            {
                events.Add(new SplitEvent($"line {lineNumber}, column {(e.BytePositionInLine ?? 0) + 1}", "$", null, $"not valid JSON: {Clean(e.Message)}"));
            }
        }
        return events;
    }

    private static byte? FirstSignificant(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) return b;
        return null;
    }

    private static bool IsTrailingContent(JsonException e) => e.Message.Contains("after a single JSON value", StringComparison.Ordinal);

    private static string Where(JsonException e) => $"line {(e.LineNumber ?? 0) + 1}, column {(e.BytePositionInLine ?? 0) + 1}";

    // System.Text.Json appends "LineNumber: n | BytePositionInLine: m." which the position already says.
    private static string Clean(string message)
    {
        var index = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return index > 0 ? message[..index] : message;
    }
}
