using System.Text.Json;
using Catalog.Plugins.Avro.Schemas;

namespace Catalog.Plugins.Avro.Parsing;

/// <summary>Parses an Avro protocol document (<c>{"protocol": …, "types": […], "messages": {…}}</c>).</summary>
public static class AvroProtocolParser
{
    public static bool LooksLikeProtocol(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("protocol", out _);

    public static AvroProtocol Parse(JsonElement root, AvroSchemaParser parser)
    {
        if (!root.TryGetProperty("protocol", out var nameElement) || nameElement.ValueKind != JsonValueKind.String)
            throw new AvroSchemaException("$.protocol", "a protocol needs a string \"protocol\" name");
        var ns = root.TryGetProperty("namespace", out var nsElement) && nsElement.ValueKind == JsonValueKind.String ? nsElement.GetString() : null;
        var name = AvroName.Resolve(nameElement.GetString()!, ns, null);

        var types = new List<NamedSchema>();
        if (root.TryGetProperty("types", out var typesElement))
        {
            if (typesElement.ValueKind != JsonValueKind.Array)
                throw new AvroSchemaException("$.types", $"expected an array of named types, got {AvroSchemaParser.Describe(typesElement)}");
            var index = 0;
            foreach (var type in typesElement.EnumerateArray())
            {
                var schema = parser.Parse(type, $"$.types[{index++}]", name.Namespace);
                if (schema is NamedSchema named) types.Add(named);
            }
        }

        var messages = new List<AvroMessage>();
        if (root.TryGetProperty("messages", out var messagesElement) && messagesElement.ValueKind != JsonValueKind.Null)
        {
            if (messagesElement.ValueKind != JsonValueKind.Object)
                throw new AvroSchemaException("$.messages", $"expected an object of messages, got {AvroSchemaParser.Describe(messagesElement)}");
            foreach (var message in messagesElement.EnumerateObject())
                messages.Add(ParseMessage(message.Name, message.Value, $"$.messages.{message.Name}", parser, name.Namespace));
        }
        var doc = root.TryGetProperty("doc", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
        return new AvroProtocol(name, types, messages) { Doc = doc };
    }

    private static AvroMessage ParseMessage(string name, JsonElement element, string path, AvroSchemaParser parser, string? ns)
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw new AvroSchemaException(path, $"expected a message object, got {AvroSchemaParser.Describe(element)}");
        if (!element.TryGetProperty("request", out var request) || request.ValueKind != JsonValueKind.Array)
            throw new AvroSchemaException($"{path}.request", "a message needs a \"request\" array of parameters");
        var parameters = new List<AvroField>();
        var index = 0;
        foreach (var parameter in request.EnumerateArray())
        {
            var parameterPath = $"{path}.request[{index++}]";
            if (parameter.ValueKind != JsonValueKind.Object || !parameter.TryGetProperty("name", out var p) || p.ValueKind != JsonValueKind.String)
                throw new AvroSchemaException(parameterPath, "a parameter needs a string \"name\"");
            if (!parameter.TryGetProperty("type", out var type))
                throw new AvroSchemaException(parameterPath, "missing required attribute \"type\"");
            parameters.Add(new AvroField(p.GetString()!, parser.Parse(type, $"{parameterPath}.type", ns))
            {
                Doc = parameter.TryGetProperty("doc", out var pd) && pd.ValueKind == JsonValueKind.String ? pd.GetString() : null,
                Default = parameter.TryGetProperty("default", out var def) ? def.Clone() : null,
            });
        }
        var response = element.TryGetProperty("response", out var r) ? parser.Parse(r, $"{path}.response", ns) : new PrimitiveSchema("null");
        var errors = new List<AvroSchema>();
        if (element.TryGetProperty("errors", out var errorsElement) && errorsElement.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var error in errorsElement.EnumerateArray()) errors.Add(parser.Parse(error, $"{path}.errors[{i++}]", ns));
        }
        return new AvroMessage(name, parameters, response)
        {
            Doc = element.TryGetProperty("doc", out var doc) && doc.ValueKind == JsonValueKind.String ? doc.GetString() : null,
            Errors = errors,
            OneWay = element.TryGetProperty("one-way", out var oneWay) && oneWay.ValueKind == JsonValueKind.True,
        };
    }
}
