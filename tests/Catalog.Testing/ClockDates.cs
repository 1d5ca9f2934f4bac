using System.Globalization;

namespace Catalog.Testing;

/// <summary>
/// The dates every date-sensitive test also runs at, as UTC instants: an ordinary day; the first of a month; the DST
/// changes in Europe (spring forward 2027-03-28, fall back 2026-10-25) and in the US (2027-03-14, 2026-11-01), each at
/// an hour near the change; 29 February; the last half hour of 31 December.
/// Use with <c>[MemberData(nameof(ClockDates.All), MemberType = typeof(ClockDates))]</c> and <see cref="Parse"/>.
/// </summary>
public static class ClockDates
{
    public static Xunit.TheoryData<string> All => new()
    {
        "2026-12-02T09:40:00Z",
        "2027-03-01T00:30:00Z",
        "2027-03-28T01:30:00Z",
        "2026-10-25T00:45:00Z",
        "2027-03-14T07:30:00Z",
        "2026-11-01T06:15:00Z",
        "2028-02-29T12:00:00Z",
        "2026-12-31T23:30:00Z",
    };

    public static DateTimeOffset Parse(string at) => DateTimeOffset.Parse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
