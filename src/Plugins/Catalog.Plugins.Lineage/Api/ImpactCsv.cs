using System.Globalization;
using System.Text;
using Catalog.Domain.Lineage.Impact;

namespace Catalog.Plugins.Lineage.Api;

/// <summary>
/// Impact as CSV (RFC 4180) for spreadsheets and tickets. Metadata is untrusted: a cell that starts like a
/// formula (=, +, -, @, tab, CR) is prefixed with a quote mark so a spreadsheet shows it as text.
/// </summary>
public static class ImpactCsv
{
    public static string Write(ImpactReport report)
    {
        var csv = new StringBuilder("depth,entity,kind,title,owner\r\n");
        foreach (var e in report.Endpoints)
        {
            csv.Append(e.Depth.ToString(CultureInfo.InvariantCulture)).Append(',')
               .Append(Cell(e.Ref ?? "(restricted)")).Append(',')
               .Append(Cell(e.Kind)).Append(',')
               .Append(Cell(e.Title)).Append(',')
               .Append(Cell(e.Restricted ? "(hidden)" : e.Owner)).Append("\r\n");
        }
        return csv.ToString();
    }

    public static string FileName(ImpactReport report) =>
        "impact-" + new string(report.Source.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray()) + ".csv";

    private static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
