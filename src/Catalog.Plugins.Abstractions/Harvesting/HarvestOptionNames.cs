namespace Catalog.Plugins.Harvesting;

/// <summary>Keys of <see cref="HarvestContext.Options"/> that more than one host sets (the CLI today).</summary>
public static class HarvestOptionNames
{
    /// <summary>A file whose first line is the target's password (<c>catalog-indexer harvest … --password-file</c>).</summary>
    public const string PasswordFile = "password-file";
}
