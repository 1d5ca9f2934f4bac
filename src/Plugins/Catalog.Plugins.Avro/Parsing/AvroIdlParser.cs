using System.Text.Json;
using System.Text.Json.Nodes;

namespace Catalog.Plugins.Avro.Parsing;

/// <summary>
/// Translates Avro IDL (.avdl) into the equivalent protocol JSON, which <see cref="AvroProtocolParser"/> then
/// reads. Supported: <c>@namespace</c>, <c>protocol</c>, <c>record</c>/<c>error</c>, <c>enum</c> (with default),
/// <c>fixed</c>, primitives, logical-type keywords (<c>date</c>, <c>time_ms</c>, <c>timestamp_ms</c>,
/// <c>local_timestamp_ms</c>, <c>uuid</c>, <c>decimal(p,s)</c>), <c>array&lt;&gt;</c>, <c>map&lt;&gt;</c>,
/// <c>union {}</c>, <c>T?</c>, defaults, <c>/** doc */</c>, annotations, messages with <c>oneway</c>/<c>throws</c>.
/// Not supported (a precise error, never a crash): <c>import</c> and the schema-mode syntax of Avro 1.12.
/// </summary>
public static class AvroIdlParser
{
    private static readonly Dictionary<string, JsonNode> LogicalKeywords = new(StringComparer.Ordinal)
    {
        ["date"] = new JsonObject { ["type"] = "int", ["logicalType"] = "date" },
        ["time_ms"] = new JsonObject { ["type"] = "int", ["logicalType"] = "time-millis" },
        ["timestamp_ms"] = new JsonObject { ["type"] = "long", ["logicalType"] = "timestamp-millis" },
        ["local_timestamp_ms"] = new JsonObject { ["type"] = "long", ["logicalType"] = "local-timestamp-millis" },
        ["uuid"] = new JsonObject { ["type"] = "string", ["logicalType"] = "uuid" },
    };

    public static JsonObject ToProtocolJson(string text)
    {
        var scanner = new IdlScanner(text);
        var annotations = ReadAnnotations(scanner);
        var keyword = scanner.Next();
        if (keyword.Text is "namespace" or "schema")
            throw new AvroSchemaException(keyword.Where, "IDL schema mode (namespace/schema declarations, Avro 1.12) is not supported; declare a protocol");
        if (keyword.Text != "protocol") throw new AvroSchemaException(keyword.Where, $"expected 'protocol', found {keyword}");
        var protocol = new JsonObject { ["protocol"] = scanner.ExpectIdentifier("a protocol name") };
        if (scanner.PendingDoc is { } doc) protocol["doc"] = doc;
        scanner.PendingDoc = null;
        CopyAnnotations(annotations, protocol);
        var types = new JsonArray();
        var messages = new JsonObject();
        scanner.Expect("{");
        while (scanner.Peek() is { } next && next.Text != "}")
        {
            if (next.Kind == IdlTokenKind.End) throw new AvroSchemaException(next.Where, "expected '}' to close the protocol, found the end of the file");
            ReadDeclaration(scanner, types, messages);
        }
        scanner.Expect("}");
        protocol["types"] = types;
        protocol["messages"] = messages;
        return protocol;
    }

    private static void ReadDeclaration(IdlScanner scanner, JsonArray types, JsonObject messages)
    {
        scanner.PendingDoc = null;
        var annotations = ReadAnnotations(scanner);
        var doc = scanner.PendingDoc;
        var token = scanner.Peek();
        switch (token.Text)
        {
            case "import":
                throw new AvroSchemaException(token.Where, "IDL 'import' is not supported; harvest the imported .avsc/.avpr files in the same directory instead");
            case "record" or "error":
                scanner.Next();
                types.Add(ReadRecord(scanner, token.Text, annotations, doc));
                return;
            case "enum":
                scanner.Next();
                types.Add(ReadEnum(scanner, annotations, doc));
                return;
            case "fixed":
                scanner.Next();
                var name = scanner.ExpectIdentifier("a fixed type name");
                scanner.Expect("(");
                var size = scanner.Next();
                if (size.Kind != IdlTokenKind.Number) throw new AvroSchemaException(size.Where, $"expected the fixed size (a number), found {size}");
                scanner.Expect(")");
                scanner.Expect(";");
                var fixedType = new JsonObject { ["type"] = "fixed", ["name"] = name, ["size"] = int.Parse(size.Text, System.Globalization.CultureInfo.InvariantCulture) };
                CopyAnnotations(annotations, fixedType);
                types.Add(fixedType);
                return;
            default:
                ReadMessage(scanner, messages, doc);
                return;
        }
    }

    private static JsonObject ReadRecord(IdlScanner scanner, string kind, Dictionary<string, JsonNode?> annotations, string? doc)
    {
        var record = new JsonObject { ["type"] = kind, ["name"] = scanner.ExpectIdentifier($"a {kind} name") };
        if (doc is not null) record["doc"] = doc;
        CopyAnnotations(annotations, record);
        var fields = new JsonArray();
        scanner.Expect("{");
        while (scanner.Peek().Text != "}")
        {
            if (scanner.Peek().Kind == IdlTokenKind.End) throw new AvroSchemaException(scanner.Peek().Where, $"expected '}}' to close record {record["name"]}");
            scanner.PendingDoc = null;
            var typeAnnotations = ReadAnnotations(scanner);
            var fieldDoc = scanner.PendingDoc;
            var type = ReadType(scanner, typeAnnotations);
            do
            {
                var fieldAnnotations = ReadAnnotations(scanner);
                var field = new JsonObject { ["name"] = scanner.ExpectIdentifier("a field name"), ["type"] = type.DeepClone() };
                if (fieldDoc is not null) field["doc"] = fieldDoc;
                CopyAnnotations(fieldAnnotations, field);
                if (scanner.Peek().Text == "=")
                {
                    scanner.Next();
                    field["default"] = ReadJson(scanner, ';', ',');
                }
                fields.Add(field);
            } while (scanner.Peek().Text == "," && scanner.Next() is not null);
            scanner.Expect(";");
        }
        scanner.Expect("}");
        record["fields"] = fields;
        return record;
    }

    private static JsonObject ReadEnum(IdlScanner scanner, Dictionary<string, JsonNode?> annotations, string? doc)
    {
        var schema = new JsonObject { ["type"] = "enum", ["name"] = scanner.ExpectIdentifier("an enum name") };
        if (doc is not null) schema["doc"] = doc;
        CopyAnnotations(annotations, schema);
        var symbols = new JsonArray();
        scanner.Expect("{");
        while (scanner.Peek().Text != "}")
        {
            symbols.Add(scanner.ExpectIdentifier("an enum symbol"));
            if (scanner.Peek().Text == ",") scanner.Next();
        }
        scanner.Expect("}");
        if (scanner.Peek().Text == "=")
        {
            scanner.Next();
            schema["default"] = scanner.ExpectIdentifier("the default symbol");
            scanner.Expect(";");
        }
        schema["symbols"] = symbols;
        return schema;
    }

    private static void ReadMessage(IdlScanner scanner, JsonObject messages, string? doc)
    {
        var returns = scanner.Peek().Text == "void" ? Void(scanner) : ReadType(scanner, []);
        var name = scanner.ExpectIdentifier("a message name");
        var message = new JsonObject();
        if (doc is not null) message["doc"] = doc;
        var request = new JsonArray();
        scanner.Expect("(");
        while (scanner.Peek().Text != ")")
        {
            var type = ReadType(scanner, ReadAnnotations(scanner));
            var parameter = new JsonObject { ["name"] = scanner.ExpectIdentifier("a parameter name"), ["type"] = type };
            if (scanner.Peek().Text == "=") { scanner.Next(); parameter["default"] = ReadJson(scanner, ',', ')'); }
            request.Add(parameter);
            if (scanner.Peek().Text == ",") scanner.Next();
        }
        scanner.Expect(")");
        message["request"] = request;
        message["response"] = returns;
        if (scanner.Peek().Text == "oneway") { scanner.Next(); message["one-way"] = true; }
        if (scanner.Peek().Text == "throws")
        {
            scanner.Next();
            var errors = new JsonArray { scanner.ExpectIdentifier("an error type") };
            while (scanner.Peek().Text == ",") { scanner.Next(); errors.Add(scanner.ExpectIdentifier("an error type")); }
            message["errors"] = errors;
        }
        scanner.Expect(";");
        messages[name] = message;
    }

    private static JsonNode Void(IdlScanner scanner)
    {
        scanner.Next();
        return JsonValue.Create("null");
    }

    private static JsonNode ReadType(IdlScanner scanner, Dictionary<string, JsonNode?> annotations)
    {
        var token = scanner.Next();
        if (token.Kind != IdlTokenKind.Identifier) throw new AvroSchemaException(token.Where, $"expected a type, found {token}");
        JsonNode type;
        switch (token.Text)
        {
            case "array" or "map":
                scanner.Expect("<");
                var inner = ReadType(scanner, ReadAnnotations(scanner));
                scanner.Expect(">");
                type = new JsonObject { ["type"] = token.Text, [token.Text == "array" ? "items" : "values"] = inner };
                break;
            case "union":
                scanner.Expect("{");
                var branches = new JsonArray();
                while (scanner.Peek().Text != "}")
                {
                    branches.Add(ReadType(scanner, ReadAnnotations(scanner)));
                    if (scanner.Peek().Text == ",") scanner.Next();
                }
                scanner.Expect("}");
                type = branches;
                break;
            case "decimal":
                scanner.Expect("(");
                var precision = scanner.Next().Text;
                scanner.Expect(",");
                var scale = scanner.Next().Text;
                scanner.Expect(")");
                type = new JsonObject { ["type"] = "bytes", ["logicalType"] = "decimal", ["precision"] = int.Parse(precision, System.Globalization.CultureInfo.InvariantCulture), ["scale"] = int.Parse(scale, System.Globalization.CultureInfo.InvariantCulture) };
                break;
            default:
                type = LogicalKeywords.TryGetValue(token.Text, out var logical) ? logical.DeepClone() : JsonValue.Create(token.Text);
                break;
        }
        if (annotations.Count > 0 && type is JsonValue primitive)
            type = new JsonObject { ["type"] = primitive.GetValue<string>() };
        if (type is JsonObject withProperties) CopyAnnotations(annotations, withProperties);
        if (scanner.Peek().Text == "?")
        {
            scanner.Next();
            type = new JsonArray { "null", type };
        }
        return type;
    }

    private static Dictionary<string, JsonNode?> ReadAnnotations(IdlScanner scanner)
    {
        var annotations = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        while (scanner.Peek().Text == "@")
        {
            scanner.Next();
            var name = scanner.ExpectIdentifier("an annotation name");
            scanner.Expect("(");
            annotations[name] = ReadJson(scanner, ')');
            scanner.Expect(")");
        }
        return annotations;
    }

    private static JsonNode? ReadJson(IdlScanner scanner, params char[] terminators)
    {
        var (json, where) = scanner.ReadJsonUntil(terminators);
        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException error)
        {
            throw new AvroSchemaException(where, $"expected a JSON value, found '{json}' ({error.Message.Split(" LineNumber")[0]})");
        }
    }

    private static void CopyAnnotations(Dictionary<string, JsonNode?> annotations, JsonObject target)
    {
        foreach (var (name, value) in annotations) target[name] = value?.DeepClone();
    }
}
