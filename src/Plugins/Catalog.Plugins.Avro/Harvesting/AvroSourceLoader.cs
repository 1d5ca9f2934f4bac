using System.Text;
using System.Text.Json;
using Catalog.Plugins.Avro.Parsing;
using Catalog.Plugins.Avro.Schemas;

namespace Catalog.Plugins.Avro.Harvesting;

/// <summary>
/// Parses a set of schema files together so that named types defined in one file resolve in another (Avro's
/// multi-file schemas, e.g. <c>"items": "model.DocumentInfo"</c>). Files are parsed in path order; a file that refers
/// to a type not defined yet is retried after the others, until no more progress is made. The first file to define a
/// name provides it to the others; a file's own definitions always win inside that file.
/// </summary>
public static class AvroSourceLoader
{
    public static void Resolve(IReadOnlyList<AvroSourceFile> files)
    {
        var documents = new Dictionary<AvroSourceFile, JsonElement>();
        var owned = new List<JsonDocument>();
        foreach (var file in files)
        {
            try
            {
                string? warning = null;
                var document = file.IsIdl ? IdlToJson(file) : AvroJson.Parse(file.Content, out warning);
                file.Warning = warning;
                owned.Add(document);
                documents[file] = document.RootElement;
            }
            catch (AvroSchemaException error)
            {
                file.Error = error;
            }
        }

        var global = new Dictionary<string, NamedSchema>(StringComparer.Ordinal);
        var pending = files.Where(f => f.Error is null).ToList();
        var lastErrors = new Dictionary<AvroSourceFile, AvroSchemaException>();
        bool progress;
        do
        {
            progress = false;
            foreach (var file in pending.ToList())
            {
                var parser = new AvroSchemaParser(name => global.GetValueOrDefault(name));
                try
                {
                    var root = documents[file];
                    if (AvroProtocolParser.LooksLikeProtocol(root)) file.Protocol = AvroProtocolParser.Parse(root, parser);
                    else file.Schema = parser.Parse(root);
                    foreach (var named in parser.DefinitionOrder) global.TryAdd(named.Name.FullName, named);
                    pending.Remove(file);
                    progress = true;
                }
                catch (UnresolvedAvroTypeException unresolved)
                {
                    lastErrors[file] = unresolved; // another file may define it: retry after the others
                }
                catch (AvroSchemaException error)
                {
                    file.Error = error;
                    pending.Remove(file);
                }
            }
        } while (progress && pending.Count > 0);
        foreach (var file in pending) file.Error = lastErrors[file];
        // The parsed schemas keep only cloned JSON (defaults), so the documents can go.
        foreach (var document in owned) document.Dispose();
    }

    private static JsonDocument IdlToJson(AvroSourceFile file)
    {
        var text = Encoding.UTF8.GetString(file.Content.Span);
        var protocol = AvroIdlParser.ToProtocolJson(text);
        return JsonDocument.Parse(protocol.ToJsonString());
    }
}
