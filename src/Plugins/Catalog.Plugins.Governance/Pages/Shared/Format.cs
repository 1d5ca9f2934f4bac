using System.Globalization;

namespace Catalog.Plugins.Governance.Pages.Shared;

internal static class Format
{
    public static string Bytes(long bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1) { value /= 1024; unit++; }
        return string.Create(CultureInfo.InvariantCulture, $"{value:0.#} {units[unit]}");
    }

    public static string Money(decimal amount, string? currency) =>
        string.Create(CultureInfo.InvariantCulture, $"{amount:0.00} {currency}");
}
