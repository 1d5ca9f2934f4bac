using System.Globalization;

namespace Catalog.Plugins.Cost.Components;

public static class Money
{
    public static string Format(decimal amount, string currency) =>
        string.Create(CultureInfo.InvariantCulture, $"{amount:#,0.00} {currency}");

    /// <summary>+12.5 %, −3.0 %, or "new" when there is nothing to compare with.</summary>
    public static string Change(decimal? change) => change is { } c
        ? string.Create(CultureInfo.InvariantCulture, $"{(c >= 0 ? "+" : "−")}{Math.Abs(c) * 100:0.0} %")
        : "new";

    public static string Bytes(long bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1) { value /= 1024; unit++; }
        return string.Create(CultureInfo.InvariantCulture, $"{value:0.##} {units[unit]}");
    }
}
