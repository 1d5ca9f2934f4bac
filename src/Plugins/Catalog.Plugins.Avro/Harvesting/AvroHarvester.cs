using Catalog.Domain.Entities;
using Catalog.Domain.Schemas;
using Catalog.Plugins.Avro.Canonical;
using Catalog.Plugins.Avro.Compatibility;
using Catalog.Plugins.Avro.Parsing;
using Catalog.Plugins.Avro.Schemas;
using Catalog.Plugins.Harvesting;
using Microsoft.Extensions.Options;

namespace Catalog.Plugins.Avro.Harvesting;

/// <summary>
/// Harvests Avro schema files. Each named record becomes an <c>event-type</c> entity (subject = the record's full
/// name) with flattened fields and a schema version; a version is recorded only when the canonical-form fingerprint
/// differs from the latest stored one, with its compatibility against that one. Protocols add an <c>api</c> entity
/// and one event type per message. Options: <c>subject</c> (an Avro full name) gives a single file's top-level record
/// an explicit subject, so renamed records can be versioned as one subject.
/// </summary>
public sealed class AvroHarvester(IOptions<AvroOptions> options) : IReplayableHarvester
{
    public string Kind => "avro";

    public string Description => "Avro schemas (.avsc, .avpr, .avdl): event types, versions and compatibility";

    public async Task HarvestAsync(HarvestContext context, CancellationToken cancellationToken)
    {
        var files = Discover(context.Target, options.Value.Extensions);
        if (files is null)
        {
            await context.Sink.ReportErrorAsync(new HarvestError(context.Target, "no such file or directory"), cancellationToken);
            return;
        }
        AvroSourceLoader.Resolve(files);
        var harvested = files.Where(f => f.Harvested).OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        context.Options.TryGetValue("subject", out var explicitSubject);
        for (var i = 0; i < harvested.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            context.Progress.Report(new HarvestProgress(i, harvested.Count, harvested[i].Location));
            await HarvestFileAsync(context.Sink, harvested[i], harvested.Count == 1 ? explicitSubject : null, cancellationToken);
        }
        context.Progress.Report(new HarvestProgress(harvested.Count, harvested.Count));
    }

    private async Task HarvestFileAsync(IHarvestSink sink, AvroSourceFile file, string? explicitSubject, CancellationToken cancellationToken)
    {
        var mediaType = file.IsIdl ? "text/x-avro-idl" : "application/json";
        await using var batch = await sink.BeginInputAsync(new HarvestInput(file.Location, file.Content, mediaType), cancellationToken);
        if (batch is null) return; // unchanged since the last successful harvest
        if (await FillAsync(batch, file, explicitSubject, sink.GetLatestSchemaAsync, cancellationToken)) await batch.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Replays one stored schema file. Named types it refers to are resolved from the other schema files in its
    /// directory tree when that is still on disk (as for a single-file harvest); versions are compared with the store.
    /// </summary>
    public async Task ReadAsync(HarvestInput input, IHarvestBatch batch, CancellationToken cancellationToken)
    {
        var stored = new AvroSourceFile(input.Location, input.Location, input.Content, harvested: true);
        var directory = Path.GetDirectoryName(input.Location);
        var extensions = options.Value.Extensions;
        var siblings = directory is not null && Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
                .Where(p => extensions.Any(e => p.EndsWith(e, StringComparison.OrdinalIgnoreCase)) && Path.GetFullPath(p) != input.Location)
                .Order(StringComparer.Ordinal).Select(p => Load(p, harvested: false))
            : [];
        AvroSourceLoader.Resolve([stored, .. siblings]);
        await FillAsync(batch, stored, null, batch.GetLatestSchemaAsync, cancellationToken);
    }

    /// <summary>Fills the batch from a resolved file, or fails it (unparseable schema) and returns false.</summary>
    private async Task<bool> FillAsync(IHarvestBatch batch, AvroSourceFile file, string? explicitSubject,
        Func<EntityRef, CancellationToken, Task<StoredSchema?>> latestSchema, CancellationToken cancellationToken)
    {
        if (file.Error is { } error)
        {
            await batch.FailAsync(new HarvestError(file.Location, error.Message) { Position = error.Path }, cancellationToken);
            return false;
        }
        if (file.Warning is { } warning) batch.AddError(new HarvestError(file.Location, warning));

        var defaultNamespace = options.Value.DefaultNamespace;
        var roots = file.Protocol is { } protocol ? protocol.Types.Cast<AvroSchema>().ToList() : [file.Schema!];
        var records = roots.SelectMany(FieldFlattener.Records).DistinctBy(r => r.Name.FullName).ToList();
        foreach (var record in records)
        {
            var isTopLevel = explicitSubject is not null && ReferenceEquals(record, file.Schema);
            var subject = isTopLevel ? ParseSubject(explicitSubject!, defaultNamespace) : AvroItems.SubjectOf(record, defaultNamespace);
            batch.Add(AvroItems.EventType(subject, record, file.Location));
            var version = await NextVersionAsync(latestSchema, subject, record, ignoreTopLevelName: isTopLevel, cancellationToken);
            if (version is not null) batch.Add(new SchemaVersionFound(version));
        }
        if (file.Protocol is not null)
            foreach (var item in AvroItems.Protocol(file.Protocol, defaultNamespace, file.Location)) batch.Add(item);
        return true;
    }

    /// <summary>The version to record for this schema, or null when the latest stored version has the same fingerprint.</summary>
    internal static Task<SchemaVersion?> NextVersionAsync(IHarvestSink sink, EntityRef subject, RecordSchema record, bool ignoreTopLevelName, CancellationToken cancellationToken) =>
        NextVersionAsync(sink.GetLatestSchemaAsync, subject, record, ignoreTopLevelName, cancellationToken);

    internal static async Task<SchemaVersion?> NextVersionAsync(Func<EntityRef, CancellationToken, Task<StoredSchema?>> latestSchema, EntityRef subject,
        RecordSchema record, bool ignoreTopLevelName, CancellationToken cancellationToken)
    {
        var fingerprint = SchemaFingerprint.Sha256(record);
        var definition = AvroSchemaWriter.Full(record);
        var latest = await latestSchema(subject, cancellationToken);
        if (latest is null)
            return new SchemaVersion { Subject = subject, Version = 1, Fingerprint = fingerprint, Definition = definition, Compatibility = SchemaCompatibility.Initial };
        if (latest.Fingerprint == fingerprint) return null;
        CompatibilityReport report;
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(latest.Definition);
            var previous = new AvroSchemaParser().Parse(document.RootElement);
            report = CompatibilityReport.Compare(previous, record, ignoreTopLevelName);
        }
        catch (Exception error) when (error is AvroSchemaException or System.Text.Json.JsonException)
        {
            // The stored definition should always parse; if it does not, say so rather than guess compatibility.
            report = new CompatibilityReport(SchemaCompatibility.Breaking, [$"the previous version ({latest.Version}) could not be read for comparison: {error.Message}"]);
        }
        return new SchemaVersion
        {
            Subject = subject,
            Version = latest.Version + 1,
            Fingerprint = fingerprint,
            Definition = definition,
            Compatibility = report.Compatibility,
            Changes = report.Changes,
        };
    }

    private static EntityRef ParseSubject(string subject, string defaultNamespace)
    {
        var name = AvroName.Resolve(subject, null, null);
        return new EntityRef(EntityKind.EventType, name.Namespace ?? defaultNamespace, name.Simple);
    }

    /// <summary>
    /// The files to harvest. For a single file, the other schema files in its directory tree are read too, only to
    /// resolve named types it refers to (e.g. <c>deps/PrivacyImport.avsc</c>); they are not harvested.
    /// </summary>
    public static List<AvroSourceFile>? Discover(string target, IReadOnlyCollection<string> extensions)
    {
        bool IsSchema(string path) => extensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));
        if (Directory.Exists(target))
            return Directory.EnumerateFiles(target, "*", SearchOption.AllDirectories).Where(IsSchema).Order(StringComparer.Ordinal)
                .Select(p => Load(p, harvested: true)).ToList();
        if (!File.Exists(target)) return null;
        var full = Path.GetFullPath(target);
        var references = Directory.EnumerateFiles(Path.GetDirectoryName(full)!, "*", SearchOption.AllDirectories)
            .Where(p => IsSchema(p) && Path.GetFullPath(p) != full).Order(StringComparer.Ordinal);
        // The harvested file is parsed first so its own definitions win over same-named ones in sibling files.
        return [Load(full, harvested: true), .. references.Select(p => Load(p, harvested: false))];
    }

    private static AvroSourceFile Load(string path, bool harvested)
    {
        var full = Path.GetFullPath(path);
        return new AvroSourceFile(full, full, File.ReadAllBytes(full), harvested);
    }
}
