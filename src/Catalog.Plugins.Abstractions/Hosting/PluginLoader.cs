using System.Reflection;
using System.Runtime.Loader;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Catalog.Plugins.Hosting;

/// <summary>
/// Finds and registers plugins: the built-in ones (assemblies named <c>Catalog.Plugins.*</c> next to the host) and
/// third-party assemblies listed under <c>Catalog:Plugins:Assemblies</c>. Each plugin is loaded and registered inside
/// its own try/catch; a failure marks that plugin malfunctioning and start-up goes on.
/// </summary>
public static class PluginLoader
{
    public const string AssembliesKey = "Catalog:Plugins:Assemblies";

    public static PluginRegistry LoadPlugins(this IServiceCollection services, IConfiguration configuration, ILogger logger, string? baseDirectory = null)
    {
        var registry = new PluginRegistry();
        services.AddSingleton(registry);
        baseDirectory ??= AppContext.BaseDirectory;
        foreach (var (source, load) in Candidates(configuration, baseDirectory))
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
            foreach (var type in PluginTypes(assembly, source, registry, logger))
                Register(services, configuration, logger, registry, type, source);
        }
        return registry;
    }

    private static void Register(IServiceCollection services, IConfiguration configuration, ILogger logger, PluginRegistry registry, Type type, string source)
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
        }
        catch (Exception e)
        {
            var error = (e as TargetInvocationException)?.InnerException ?? e;
            logger.LogError(error, "Plugin {Id} failed to register; it is marked malfunctioning and the portal starts without it", manifest.Id);
            registry.Add(new PluginStatus(manifest, source, PluginState.Malfunctioning) { Error = error.Message });
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

    private static IEnumerable<(string Source, Func<Assembly> Load)> Candidates(IConfiguration configuration, string baseDirectory)
    {
        var abstractions = typeof(ICatalogPlugin).Assembly.GetName().Name;
        foreach (var file in Directory.GetFiles(baseDirectory, "Catalog.Plugins.*.dll").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (name == abstractions) continue;
            yield return (Path.GetFileName(file), () => Assembly.Load(new AssemblyName(name)));
        }
        foreach (var configured in configuration.GetSection(AssembliesKey).Get<string[]>() ?? [])
        {
            var path = ResolvePath(configured);
            yield return (configured, () => LoadThirdParty(path));
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

    // Third-party plugins share the host's copies of the contract and the framework (the default load context),
    // and find their own private dependencies next to their assembly.
    private static Assembly LoadThirdParty(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Plugin assembly '{path}' does not exist. Build it first or fix {AssembliesKey}.", path);
        var directory = Path.GetDirectoryName(path)!;
        AssemblyLoadContext.Default.Resolving += (context, name) =>
        {
            var candidate = Path.Combine(directory, name.Name + ".dll");
            return File.Exists(candidate) ? context.LoadFromAssemblyPath(candidate) : null;
        };
        return AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
    }
}
