using Catalog.Domain.Datasets;
using Catalog.Domain.Policies;
using Catalog.Domain.Policies.Retention;

namespace Catalog.Domain.Tests.Policies.Rules;

public sealed class RetentionRuleTests
{
    private static readonly RetentionContext PiiDaily = new() { Classification = Classification.Pii, ClassificationMaxDays = 30, Granularity = PartitionGranularity.Daily };

    [Fact]
    public void Pii_retention_longer_than_the_cap_is_rejected_naming_the_cap()
    {
        var violation = Assert.Single(RetentionValidator.Validate(RetentionPolicy.Days(31), PiiDaily));

        Assert.Equal("value", violation.Field);
        Assert.Equal("Data classified pii may be kept at most 30 days; 31 days were asked for.", violation.Message);
    }

    [Fact]
    public void Pii_retention_at_the_cap_is_allowed() =>
        Assert.Empty(RetentionValidator.Validate(RetentionPolicy.Days(30), PiiDaily));

    [Fact]
    public void Pii_data_cannot_be_kept_forever_even_with_a_justification() =>
        Assert.Equal("mode", Assert.Single(RetentionValidator.Validate(RetentionPolicy.Forever("audit asks"), PiiDaily)).Field);

    [Fact]
    public void Keep_latest_hourly_partitions_is_measured_in_days_against_the_cap()
    {
        var hourly = PiiDaily with { Granularity = PartitionGranularity.Hourly };

        Assert.Empty(RetentionValidator.Validate(RetentionPolicy.Latest(720), hourly));
        Assert.Single(RetentionValidator.Validate(RetentionPolicy.Latest(721), hourly));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(36_501)]
    public void Keep_days_outside_one_to_a_hundred_years_is_rejected(int days) =>
        Assert.Equal("value", Assert.Single(RetentionValidator.Validate(RetentionPolicy.Days(days), new RetentionContext())).Field);

    [Fact]
    public void Keep_forever_without_a_justification_is_rejected() =>
        Assert.Equal("justification", Assert.Single(RetentionValidator.Validate(new RetentionPolicy { Mode = RetentionMode.KeepForever }, new RetentionContext())).Field);

    [Fact]
    public void Keep_latest_on_an_unpartitioned_dataset_is_rejected() =>
        Assert.Equal("mode", Assert.Single(RetentionValidator.Validate(RetentionPolicy.Latest(3), new RetentionContext { Granularity = PartitionGranularity.None })).Field);

    [Fact]
    public void A_justification_longer_than_the_limit_is_rejected() =>
        Assert.Contains(RetentionValidator.Validate(RetentionPolicy.Forever(new string('x', 5_000)), new RetentionContext()), v => v.Field == "justification");
}
