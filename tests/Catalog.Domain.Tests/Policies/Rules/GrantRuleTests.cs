using Catalog.Domain.Policies;
using Catalog.Domain.Policies.Access;

namespace Catalog.Domain.Tests.Policies.Rules;

public sealed class GrantRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_grant_to_a_group_on_internal_data_needs_nothing_more() =>
        Assert.Empty(GrantValidator.Validate(new GrantProposal("group:default:analytics", AccessPermission.Read, Classification.Internal), Now));

    [Theory]
    [InlineData("")]
    [InlineData("analytics")]
    [InlineData("dataset:food_delivery:public.orders")]
    public void A_grantee_that_is_not_a_group_or_user_ref_is_rejected(string principal) =>
        Assert.Equal("principal", Assert.Single(GrantValidator.Validate(new GrantProposal(principal, AccessPermission.Read, Classification.Internal), Now)).Field);

    [Fact]
    public void A_grant_on_pii_without_a_reason_is_rejected() =>
        Assert.Equal("reason", Assert.Single(GrantValidator.Validate(new GrantProposal("user:default:ana", AccessPermission.Read, Classification.Pii), Now)).Field);

    [Fact]
    public void A_grant_expiring_in_the_past_is_rejected() =>
        Assert.Equal("expiresAt", Assert.Single(GrantValidator.Validate(new GrantProposal("user:default:ana", AccessPermission.Read, Classification.Internal) { ExpiresAt = Now.AddDays(-1) }, Now)).Field);
}
