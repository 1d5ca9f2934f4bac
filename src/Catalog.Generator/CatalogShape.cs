namespace Catalog.Generator;

/// <summary>
/// The generated catalog as pure functions of (profile, seed): names, owners, columns, which endpoints each
/// workflow reads and writes. Endpoints are ordered so lineage is acyclic: the first <c>Hubs</c> are popular event
/// topics, then the other event topics and source endpoints, then the derived endpoints, written in blocks by
/// workflows that only read endpoints before their block.
/// </summary>
public sealed class CatalogShape
{
    public static readonly string[] Domains = ["playback", "search", "ads", "payments", "podcasts", "social", "growth", "royalties",
        "catalog", "personalization", "partners", "identity", "messaging", "live", "audiobooks", "creator", "finance", "trust"];
    private static readonly string[] Nouns = ["plays", "streams", "sessions", "users", "tracks", "artists", "albums", "episodes", "impressions",
        "clicks", "payments", "invoices", "subscriptions", "devices", "searches", "follows", "playlists", "royalties", "campaigns", "events"];
    private static readonly string[] Qualifiers = ["daily", "hourly", "raw", "clean", "enriched", "agg", "by_market", "by_country", "dedup",
        "latest", "snapshot", "facts", "dim", "features", "scores", "summary", "joined", "filtered", "v2", "backfill"];
    private static readonly (string Name, string Type, string? Classification)[] ColumnWords =
    [
        ("user_id", "STRING", null), ("track_id", "STRING", null), ("market", "STRING", null), ("ms_played", "INT64", null),
        ("country", "STRING", null), ("platform", "STRING", null), ("amount", "NUMERIC", null), ("currency", "STRING", null),
        ("email", "STRING", "pii"), ("ip_address", "STRING", "pii"), ("birth_date", "DATE", "pii"), ("device_id", "STRING", "confidential"),
        ("session_id", "STRING", null), ("artist_id", "STRING", null), ("product", "STRING", null), ("skipped", "BOOL", null),
        ("reason_start", "STRING", null), ("shuffle", "BOOL", null), ("offline", "BOOL", null), ("score", "FLOAT64", null),
        ("campaign_id", "STRING", null), ("revenue", "NUMERIC", null), ("postal_code", "STRING", "pii"), ("age_bucket", "STRING", "confidential"),
    ];
    private static readonly string[] Platforms = ["bigquery", "gcs", "bigtable", "postgres", "cloudsql"];
    private static readonly string[] EntityClassifications = ["internal", "internal", "internal", "public", "confidential", "pii"];

    private readonly SeededHash hash;
    private readonly int[] columnCounts;

    public CatalogShape(GeneratorProfile profile, int seed)
    {
        if (profile.Validate() is { } problem) throw new ArgumentException($"Profile '{profile.Name}': {problem}.", nameof(profile));
        Profile = profile;
        Seed = seed;
        hash = new SeededHash(seed);
        columnCounts = ColumnCounts();
    }

    public GeneratorProfile Profile { get; }
    public int Seed { get; }

    /// <summary>Marks every generated row (entities.source_location) so a generated catalog can be found and told apart.</summary>
    public string SourceLocation => $"generator:{Profile.Name}:{Seed}";

    public string TeamName(int team) => $"team-{Domains[team % Domains.Length]}-{team:D4}";
    public string TeamRef(int team) => $"group:default:{TeamName(team)}";
    public string UserName(int user) => $"user-{user:D6}";
    public int TeamOfUser(int user) => user / Profile.UsersPerTeam;

    /// <summary>Ownership is skewed: platform teams own many datasets, most teams a few.</summary>
    public int OwnerTeam(int kindSalt, int index) => hash.Skewed(Profile.Teams, 1.7, kindSalt, index, 11);

    public string Domain(int kindSalt, int index) => Domains[hash.Below(Domains.Length, kindSalt, index, 12)];

    public string EventTypeName(int e) => $"{Pascal(Nouns[e % Nouns.Length])}{Pascal(Qualifiers[hash.Below(Qualifiers.Length, 3, e)])}Event{e:D4}";

    // ---- endpoints (datasets)
    public bool IsTopic(int d) => d < Profile.EventTypes;
    public bool IsHub(int d) => d < Profile.Hubs;
    public bool IsDerived(int d) => d >= Profile.SourceEndpoints;

    public string EndpointNamespace(int d) => IsTopic(d) ? "kafka://events"
        : $"{Platforms[hash.Below(Platforms.Length, 4, d)]}://{Domain(4, d)}";

    public string EndpointName(int d) => IsTopic(d) ? $"events.{Snake(EventTypeName(d))}"
        : $"{Domain(4, d)}.{Nouns[hash.Below(Nouns.Length, 5, d)]}_{Qualifiers[hash.Below(Qualifiers.Length, 6, d)]}_{d:D6}";

    public string EndpointPlatform(int d) => IsTopic(d) ? "kafka" : EndpointNamespace(d)[..EndpointNamespace(d).IndexOf(':')];
    public string EndpointClassification(int d) => EntityClassifications[hash.Below(EntityClassifications.Length, 7, d)];
    public bool IsRestricted(int d) => hash.Below(33, 8, d) == 0;
    public bool IsDeprecated(int d) => !IsHub(d) && hash.Below(50, 9, d) == 0;

    public int ColumnCount(int d) => columnCounts[d];
    public string ColumnName(int d, int c) => c switch
    {
        0 => "id",
        1 => IsTopic(d) ? "event_time" : "partition_date",
        _ => $"{ColumnWords[hash.Skewed(ColumnWords.Length, 1.4, 13, d, c)].Name}_{c}",
    };
    public string ColumnType(int d, int c) => c switch
    {
        0 => "STRING",
        1 => IsTopic(d) ? "TIMESTAMP" : "DATE",
        _ => ColumnWords[hash.Skewed(ColumnWords.Length, 1.4, 13, d, c)].Type,
    };
    public string? ColumnClassification(int d, int c) => c < 2 ? null : ColumnWords[hash.Skewed(ColumnWords.Length, 1.4, 13, d, c)].Classification;

    // ---- workflows (jobs)
    public string WorkflowNamespace(int w) => $"styx://{Domain(14, w)}";
    public string WorkflowName(int w) => $"{Domain(14, w)}.{Nouns[hash.Below(Nouns.Length, 15, w)]}_{Qualifiers[hash.Below(Qualifiers.Length, 16, w)]}_job_{w:D5}";
    public bool IsHourly(int w) => hash.Below(Profile.HourlyEvery, 17, w) == 0;

    /// <summary>The endpoints workflow <paramref name="w"/> writes: a contiguous block of the derived endpoints.</summary>
    public (int First, int Count) Outputs(int w)
    {
        long derived = Profile.DerivedEndpoints;
        var first = (int)(w * derived / Profile.Workflows);
        var next = (int)((w + 1) * derived / Profile.Workflows);
        return (Profile.SourceEndpoints + first, next - first);
    }

    /// <summary>The workflow that writes derived endpoint <paramref name="d"/>.</summary>
    public int Producer(int d)
    {
        long offset = d - Profile.SourceEndpoints;
        var w = (int)(offset * Profile.Workflows / Profile.DerivedEndpoints);
        while (w + 1 < Profile.Workflows && Outputs(w + 1).First <= d) w++;
        while (Outputs(w).First > d) w--;
        return w;
    }

    /// <summary>
    /// What workflow <paramref name="w"/> reads: 1–8 endpoints (most read 2–3), a share of them hubs, the rest
    /// skewed toward earlier endpoints (popular sources and mid-level tables), never its own outputs or later ones.
    /// </summary>
    public int[] Inputs(int w)
    {
        var before = Outputs(w).First;
        var count = 1 + hash.Skewed(8, 1.6, 18, w);
        var inputs = new List<int>(count);
        for (var i = 0; i < count; i++)
        {
            var pick = hash.Unit(19, w, i) < Profile.HubShare
                ? hash.Below(Profile.Hubs, 20, w, i)
                : Profile.Hubs + hash.Skewed(before - Profile.Hubs, 2.0, 21, w, i);
            if (!inputs.Contains(pick)) inputs.Add(pick);
        }
        return [.. inputs];
    }

    public bool IsPartitioned(int d) => IsDerived(d) && hash.Below(Profile.PartitionEvery, 22, d) == 0;

    public int RunsPerWorkflow(int w) => Profile.RunDays * (IsHourly(w) ? 24 : 1);
    public Guid RunId(int w, int slot) => hash.Uuid(23, w, slot);
    public bool RunFailed(int w, int slot) => hash.Below(40, 24, w, slot) == 0;

    /// <summary>Within the classification caps: personal data 30 days (governance migration 0400), confidential at most 730.</summary>
    public int RetentionDays(int d) => EndpointClassification(d) == "pii" ? 30 : new[] { 30, 90, 180, 400, 730 }[hash.Below(5, 25, d)];
    public bool HasRetention(int d) => hash.Below(10, 26, d) == 0;
    public int GrantedTeam(int d) => hash.Below(Profile.Teams, 27, d);

    public string Description(int kindSalt, int index) =>
        $"{Pascal(Qualifiers[hash.Below(Qualifiers.Length, kindSalt, index, 28)])} {Nouns[hash.Below(Nouns.Length, kindSalt, index, 29)]} for the {Domain(kindSalt, index)} domain.";

    // Widths average Columns / Endpoints; a tenth of the tables are wide (five times the average), and the
    // remainder is spread one column at a time so the total is exactly the profile's.
    private int[] ColumnCounts()
    {
        var counts = new int[Profile.Endpoints];
        var average = (double)Profile.Columns / Profile.Endpoints;
        long total = 0;
        for (var d = 0; d < counts.Length; d++)
        {
            var width = hash.Below(10, 30, d) == 0 ? average * 5 : average * 0.55;
            counts[d] = Math.Clamp((int)(width * (0.5 + hash.Unit(31, d))), 2, 1000);
            total += counts[d];
        }
        var difference = Profile.Columns - total;
        for (var d = 0; difference != 0; d = (d + 1) % counts.Length)
        {
            if (difference > 0 && counts[d] < 1000) { counts[d]++; difference--; }
            else if (difference < 0 && counts[d] > 2) { counts[d]--; difference++; }
        }
        return counts;
    }

    private static string Pascal(string word) => string.Concat(word.Split('_').Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    private static string Snake(string pascal) => string.Concat(pascal.Select((ch, i) => char.IsUpper(ch) && i > 0 ? "_" + char.ToLowerInvariant(ch) : char.ToLowerInvariant(ch).ToString()));
}
