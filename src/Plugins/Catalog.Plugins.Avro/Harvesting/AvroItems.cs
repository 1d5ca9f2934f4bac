using System.Text.Json;
using Catalog.Domain.Datasets;
using Catalog.Domain.Entities;
using Catalog.Plugins.Avro.Schemas;
using Catalog.Plugins.Harvesting;

namespace Catalog.Plugins.Avro.Harvesting;

/// <summary>Turns parsed records, protocols and messages into catalog items.</summary>
internal static class AvroItems
{
    public static EntityRef SubjectOf(NamedSchema schema, string defaultNamespace) =>
        new(EntityKind.EventType, schema.Name.Namespace ?? defaultNamespace, schema.Name.Simple);

    public static DatasetFound EventType(EntityRef subject, RecordSchema record, string location) => new(new Dataset
    {
        Entity = new CatalogEntity
        {
            Ref = subject,
            Title = MetadataLimits.Truncate(record.Name.FullName, MetadataLimits.Title),
            Description = MetadataLimits.Truncate(record.Doc, MetadataLimits.Description),
            Platform = "avro",
            Location = location,
            Tags = record.IsError ? ["avro", "avro-error"] : ["avro"],
        },
        Fields = FieldFlattener.Flatten(record),
    });

    public static IEnumerable<HarvestItem> Protocol(AvroProtocol protocol, string defaultNamespace, string location)
    {
        var ns = protocol.Name.Namespace ?? defaultNamespace;
        var api = new EntityRef(EntityKind.Api, ns, protocol.Name.Simple);
        yield return new EntityFound(new CatalogEntity
        {
            Ref = api,
            Title = protocol.Name.FullName,
            Description = MetadataLimits.Truncate(protocol.Doc, MetadataLimits.Description),
            Platform = "avro",
            Location = location,
            Tags = ["avro", "avro-protocol"],
        });
        foreach (var record in protocol.Types.OfType<RecordSchema>())
            yield return new RelationFound(SubjectOf(record, defaultNamespace), "partOf", api);
        foreach (var message in protocol.Messages)
        {
            var messageRef = new EntityRef(EntityKind.EventType, ns, $"{protocol.Name.Simple}.{message.Name}");
            yield return new DatasetFound(new Dataset
            {
                Entity = new CatalogEntity
                {
                    Ref = messageRef,
                    Title = $"{protocol.Name.FullName}.{message.Name}",
                    Description = MetadataLimits.Truncate(message.Doc, MetadataLimits.Description),
                    Platform = "avro",
                    Location = location,
                    Tags = message.OneWay ? ["avro", "avro-message", "one-way"] : ["avro", "avro-message"],
                },
                Fields = FieldFlattener.Flatten(message.Request),
            });
            yield return new RelationFound(messageRef, "partOf", api);
            yield return new FacetFound(messageRef, "avroMessage", JsonSerializer.SerializeToElement(new
            {
                request = message.Request.Select(p => new { name = p.Name, type = p.Schema.Describe() }),
                response = message.Response.Describe(),
                errors = message.Errors.Select(e => e.Describe()),
                oneWay = message.OneWay,
            }));
        }
    }
}
