namespace Catalog.Plugins.Hosting;

/// <summary>
/// Static files a plugin loaded by path ships in a <c>wwwroot</c> folder next to its assembly. They are served under
/// <c>/_content/{AssemblyName}/</c>, the same address a Razor class library referenced by the host would give them,
/// so the plugin's markup does not depend on how it was loaded.
/// </summary>
public sealed record PluginStaticContent(string AssemblyName, string Directory)
{
    public string RequestPath => "/_content/" + AssemblyName;
}
