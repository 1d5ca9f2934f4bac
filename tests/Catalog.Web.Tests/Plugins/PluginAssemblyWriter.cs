using System.Reflection;
using System.Reflection.Emit;
using Catalog.Plugins;
using Catalog.Plugins.Ui;

namespace Catalog.Web.Tests.Plugins;

/// <summary>
/// Writes small plugin assemblies to a folder at test time (PersistedAssemblyBuilder), so a test can hold
/// <c>Catalog.Plugins.*.dll</c> files that no deps.json lists, and a private dependency that only sits next to them.
/// </summary>
internal static class PluginAssemblyWriter
{
    private const MethodAttributes InterfaceMethod =
        MethodAttributes.Public | MethodAttributes.Virtual | MethodAttributes.Final | MethodAttributes.HideBySig | MethodAttributes.NewSlot;

    /// <summary>A library with <c>public static string {ns}.Messages.Text()</c> returning <paramref name="text"/>.</summary>
    public static MethodInfo WriteSupportLibrary(string folder, string assemblyName, string text)
    {
        var assembly = new PersistedAssemblyBuilder(new AssemblyName(assemblyName), typeof(object).Assembly);
        var type = assembly.DefineDynamicModule(assemblyName).DefineType(assemblyName + ".Messages",
            TypeAttributes.Public | TypeAttributes.Abstract | TypeAttributes.Sealed | TypeAttributes.Class);
        var method = type.DefineMethod("Text", MethodAttributes.Public | MethodAttributes.Static, typeof(string), Type.EmptyTypes);
        var il = method.GetILGenerator();
        il.Emit(OpCodes.Ldstr, text);
        il.Emit(OpCodes.Ret);
        type.CreateType();
        assembly.Save(Path.Combine(folder, assemblyName + ".dll"));
        return method;
    }

    /// <summary>
    /// A plugin whose manifest description comes from <paramref name="describe"/> (a method in another assembly) or,
    /// when null, is a constant; when <paramref name="throwAfterNavItem"/> is set, Register adds a nav item to that
    /// href and then throws.
    /// </summary>
    public static void WritePlugin(string folder, string assemblyName, string id, MethodInfo? describe, string? throwAfterNavItem = null)
    {
        var assembly = new PersistedAssemblyBuilder(new AssemblyName(assemblyName), typeof(object).Assembly);
        var type = assembly.DefineDynamicModule(assemblyName).DefineType(assemblyName + ".Plugin",
            TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Class, typeof(object), [typeof(ICatalogPlugin)]);
        type.DefineDefaultConstructor(MethodAttributes.Public);

        var getManifest = type.DefineMethod("get_Manifest", InterfaceMethod | MethodAttributes.SpecialName, typeof(PluginManifest), Type.EmptyTypes);
        var il = getManifest.GetILGenerator();
        il.Emit(OpCodes.Ldstr, id);
        il.Emit(OpCodes.Ldstr, assemblyName);
        if (describe is null) il.Emit(OpCodes.Ldstr, "Written by a test.");
        else il.Emit(OpCodes.Call, describe);
        il.Emit(OpCodes.Newobj, typeof(PluginManifest).GetConstructor([typeof(string), typeof(string), typeof(string)])!);
        il.Emit(OpCodes.Ret);
        type.DefineProperty("Manifest", PropertyAttributes.None, typeof(PluginManifest), Type.EmptyTypes).SetGetMethod(getManifest);
        type.DefineMethodOverride(getManifest, typeof(ICatalogPlugin).GetProperty(nameof(ICatalogPlugin.Manifest))!.GetMethod!);

        var register = type.DefineMethod(nameof(ICatalogPlugin.Register), InterfaceMethod, typeof(void), [typeof(IPluginBuilder)]);
        il = register.GetILGenerator();
        if (throwAfterNavItem is not null)
        {
            il.Emit(OpCodes.Ldarg_1);
            il.Emit(OpCodes.Ldstr, "Half registered");
            il.Emit(OpCodes.Ldstr, throwAfterNavItem);
            il.Emit(OpCodes.Newobj, typeof(NavItem).GetConstructor([typeof(string), typeof(string)])!);
            il.Emit(OpCodes.Callvirt, typeof(IPluginBuilder).GetMethod(nameof(IPluginBuilder.AddNavItem))!);
            il.Emit(OpCodes.Pop);
            il.Emit(OpCodes.Ldstr, "Registration failed on purpose (loaded by path).");
            il.Emit(OpCodes.Newobj, typeof(InvalidOperationException).GetConstructor([typeof(string)])!);
            il.Emit(OpCodes.Throw);
        }
        else
        {
            il.Emit(OpCodes.Ret);
        }
        type.DefineMethodOverride(register, typeof(ICatalogPlugin).GetMethod(nameof(ICatalogPlugin.Register))!);

        type.CreateType();
        assembly.Save(Path.Combine(folder, assemblyName + ".dll"));
    }
}
