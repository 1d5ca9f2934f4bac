namespace Catalog.Web.Components.Shared;

/// <summary>Human words for entity kinds.</summary>
public static class KindLabels
{
    public static string Singular(string kind) => kind switch
    {
        "dataset" => "Dataset",
        "job" => "Workflow",
        "event-type" => "Event type",
        "api" => "API",
        _ => kind.Length == 0 ? kind : char.ToUpperInvariant(kind[0]) + kind[1..].Replace('-', ' '),
    };

    public static string Plural(string kind) => kind switch
    {
        "dataset" => "Datasets",
        "job" => "Workflows",
        "event-type" => "Event types",
        "api" => "APIs",
        "system" => "Systems",
        "domain" => "Domains",
        _ => Singular(kind) + "s",
    };
}
