using System.Text.Json;
using Catalog.Domain.Entities;

namespace Catalog.Plugins.GreatExpectations;

/// <summary>
/// The dataset a validation is about, from its batch (first match wins):
/// namespace = <c>meta.active_batch_definition.datasource_name</c> (GE 1.x) → <c>batch_kwargs.datasource</c> /
/// <c>batch_spec.datasource_name</c> (0.13-era) → first segment of <c>meta.data_asset_name</c> → the default namespace;
/// name = <c>active_batch_definition.data_asset_name</c> → <c>batch_kwargs.table</c> (with <c>schema</c>) →
/// <c>batch_kwargs.data_asset_name</c> → <c>batch_kwargs.path</c> → last segment of <c>meta.data_asset_name</c> →
/// the expectation suite's name. A <c>dataset</c> harvest option (<c>namespace:name</c>) overrides all of this.
/// </summary>
public static class DatasetNaming
{
    public static EntityRef For(JsonElement meta, string? suiteName, string defaultNamespace, string? overrideRef)
    {
        if (overrideRef is not null && EntityRef.TryParse($"dataset:{overrideRef}", out var forced)) return forced;
        var active = meta.Obj("active_batch_definition");
        var kwargs = meta.Obj("batch_kwargs") ?? meta.Obj("batch_spec");
        var assetPath = meta.Str("data_asset_name")?.Split('/');
        var ns = active?.Str("datasource_name") ?? kwargs?.Str("datasource") ?? kwargs?.Str("datasource_name")
            ?? (assetPath is { Length: > 1 } ? assetPath[0] : null) ?? defaultNamespace;
        var table = kwargs?.Str("table") is { } t ? (kwargs?.Str("schema") is { } s ? $"{s}.{t}" : t) : null;
        var name = active?.Str("data_asset_name") ?? table ?? kwargs?.Str("data_asset_name") ?? kwargs?.Str("path")
            ?? assetPath?[^1] ?? suiteName ?? "unnamed";
        return EntityRef.Dataset(Clip(ns.Replace(':', '_')), Clip(name));
    }

    private static string Clip(string value) => value.Length <= EntityRef.MaxPartLength ? value : value[..EntityRef.MaxPartLength];
}
