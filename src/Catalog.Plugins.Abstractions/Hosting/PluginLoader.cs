using System.Reflection;
using System.Runtime.Loader;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Catalog.Plugins.Hosting;

/// <summary>
/// Finds and registers plugins: the built-in ones (assemblies named <c>Catalog.Plugins.*</c> next to the host) and
/// third-party assemblies listed under <c>Catalog:Plugins:Assemblies</c>. Each plugin is loaded and registered inside
/// its own try/catch; a failure marks that plugin malfunctioning and start-up goes on. A built-in is loaded by name
/// when the host's deps.json lists it, else from its file (e.g. a tool run from another project's bin folder).
/// A configured assembly with a <c>wwwroot</c> folder next to it has that folder served under
/// <c>/_content/{assembly name}/</c>, the address a referenced Razor class library's static files have.
/// </summary>
public static class PluginLoader
{
    public const string AssembliesKey = "Catalog:Plugins:Assemblies";

    /// <summary>The folder next to a plugin assembly loaded by path whose files the web host serves.</summary>
    public const string StaticContentFolder = "wwwroot";

    public static PluginRegistry LoadPlugins(this IServiceCollection services, IConfiguration configuration, ILogger logger, string? baseDirectory = null)
    {
        var registry = new PluginRegistry();
        services.AddSingleton(registry);
        baseDirectory ??= AppContext.BaseDirectory;
        foreach (var (source, load, configured) in Candidates(configuration, baseDirectory))
        {
            Assembly assembly;
            try
            {
                assembly = load();
            }
            catch (Exception e)
            {
                logger.LogError(e, "Plugin assembly {Source} could not be loaded", source);
                registry.Add(new PluginStatus(new PluginManifest(Path.GetFileNameWithoutExtension(source), Path.GetFileName(source), "Could not be loaded."), source, PluginState.Malfunctioning) { Error = e.Message });
                continue;
            }
            var registered = 0;
            foreach (var type in PluginTypes(assembly, source, registry, logger))
                registered += Register(services, configuration, logger, registry, type, source) ? 1 : 0;
            if (configured && registered > 0) AddStaticContent(registry, assembly, logger);
        }
        return registry;
    }

    // Only for configured assemblies: built-ins are referenced by the host, which serves their static web assets.
    // Only when one of its plugins registered: a plugin that failed leaves nothing behind, files included.
    private static void AddStaticContent(PluginRegistry registry, Assembly assembly, ILogger logger)
    {
        var directory = Path.Combine(Path.GetDirectoryName(assembly.Location)!, StaticContentFolder);
        if (!Directory.Exists(directory)) return;
        var content = new PluginStaticContent(assembly.GetName().Name!, directory);
        registry.AddStaticContent(content);
        logger.LogInformation("Static files of {Assembly} served from {Directory} under {RequestPath}", content.AssemblyName, directory, content.RequestPath);
    }

    private static bool Register(IServiceCollection services, IConfiguration configuration, ILogger logger, PluginRegistry registry, Type type, string source)
    {
        PluginManifest manifest = new(type.Name, type.Name, "");
        try
        {
            var plugin = (ICatalogPlugin)Activator.CreateInstance(type)!;
            manifest = plugin.Manifest;
            var builder = new PluginBuilder(manifest, configuration.GetSection($"Plugins:{manifest.Id}"));
            plugin.Register(builder);
            foreach (var descriptor in builder.Services) services.Add(descriptor);
            registry.Commit(manifest, source, builder);
            logger.LogInformation("Plugin {Id} ({Name}) loaded from {Source}", manifest.Id, manifest.Name, source);
            return true;
        }
        catch (Exception e)
        {
            var error = (e as TargetInvocationException)?.InnerException ?? e;
            logger.LogError(error, "Plugin {Id} failed to register; it is marked malfunctioning and the portal starts without it", manifest.Id);
            registry.Add(new PluginStatus(manifest, source, PluginState.Malfunctioning) { Error = error.Message });
            return false;
        }
    }

    private static IEnumerable<Type> PluginTypes(Assembly assembly, string source, PluginRegistry registry, ILogger logger)
    {
        Type[] types;
        try
        {
            types = assembly.GetExportedTypes();
        }
        catch (Exception e)
        {
            logger.LogError(e, "Plugin assembly {Source} has types that cannot be loaded", source);
            registry.Add(new PluginStatus(new PluginManifest(assembly.GetName().Name ?? source, source, ""), source, PluginState.Malfunctioning) { Error = e.Message });
            return [];
        }
        return types.Where(t => typeof(ICatalogPlugin).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
    }

    private static IEnumerable<(string Source, Func<Assembly> Load, bool Configured)> Candidates(IConfiguration configuration, string baseDirectory)
    {
        var abstractions = typeof(ICatalogPlugin).Assembly.GetName().Name;
        foreach (var file in Directory.GetFiles(baseDirectory, "Catalog.Plugins.*.dll").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (name == abstractions) continue;
            yield return (Path.GetFileName(file), () => LoadBuiltIn(name, file), false);
        }
        foreach (var configured in configuration.GetSection(AssembliesKey).Get<string[]>() ?? [])
        {
            var path = ResolvePath(configured);
            yield return (configured, () => LoadThirdParty(path), true);
        }
    }

    private static string ResolvePath(string configured)
    {
        if (Path.IsPathRooted(configured)) return configured;
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, configured);
            if (File.Exists(candidate)) return candidate;
        }
        return Path.GetFullPath(configured);
    }

    // By name first: the host's deps.json decides which copy (and which dependencies) load. A file the host does
    // not list (the name is unknown to the default context) is loaded from its path like a third-party plugin.
    private static Assembly LoadBuiltIn(string name, string file)
    {
        try
        {
            return Assembly.Load(new AssemblyName(name));
        }
        catch (FileNotFoundException)
        {
            return LoadFromPath(file);
        }
    }

    private static Assembly LoadThirdParty(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Plugin assembly '{path}' does not exist. Build it first or fix {AssembliesKey}.", path);
        return LoadFromPath(path);
    }

    // Plugins loaded by path share the host's copies of the contract and the framework (the default load context:
    // one ICatalogPlugin type, so the host can call them), and find their own private dependencies through their
    // deps.json (AssemblyDependencyResolver) or, without one, next to their assembly. The host's copy of an
    // assembly always wins: Resolving only runs for names the default context could not find.
    private static Assembly LoadFromPath(string path)
    {
        var resolver = new AssemblyDependencyResolver(path);
        var directory = Path.GetDirectoryName(path)!;
        AssemblyLoadContext.Default.Resolving += (context, name) =>
        {
            var candidate = resolver.ResolveAssemblyToPath(name) ?? Path.Combine(directory, name.Name + ".dll");
            return File.Exists(candidate) ? context.LoadFromAssemblyPath(candidate) : null;
        };
        return AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
    }
}
