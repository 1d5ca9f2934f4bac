namespace Catalog.Plugins.Avro.Schemas;

/// <summary>An Avro protocol (.avpr, or .avdl compiled to it): named types plus messages.</summary>
public sealed record AvroProtocol(AvroName Name, IReadOnlyList<NamedSchema> Types, IReadOnlyList<AvroMessage> Messages)
{
    public string? Doc { get; init; }
}

/// <summary>One protocol message: its request parameters (a record-like field list), response and declared errors.</summary>
public sealed record AvroMessage(string Name, IReadOnlyList<AvroField> Request, AvroSchema Response)
{
    public string? Doc { get; init; }
    public IReadOnlyList<AvroSchema> Errors { get; init; } = [];
    public bool OneWay { get; init; }
}
