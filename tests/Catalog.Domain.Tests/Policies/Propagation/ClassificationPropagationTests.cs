using Catalog.Domain.Entities;
using Catalog.Domain.Lineage;
using Catalog.Domain.Policies;
using Catalog.Domain.Policies.Propagation;

namespace Catalog.Domain.Tests.Policies.Propagation;

public sealed class ClassificationPropagationTests
{
    private static ColumnRef Col(string table, string field) => new(EntityRef.Dataset("food_delivery", table), field);

    private static readonly ColumnRef Email = Col("public.customers", "email");
    private static readonly ColumnRef OrdersEmail = Col("public.orders_enriched", "customer_email");
    private static readonly ColumnRef MartEmail = Col("mart.customer_360", "email");

    [Fact]
    public void Pii_on_a_column_is_suggested_on_every_column_it_flows_into_directly()
    {
        var suggestions = ClassificationPropagation.Suggest(
            new Dictionary<ColumnRef, Classification> { [Email] = Classification.Pii },
            [new ColumnLineageEdge(Email, OrdersEmail) { TransformationType = "DIRECT" }, new ColumnLineageEdge(OrdersEmail, MartEmail)]);

        Assert.Equal([MartEmail, OrdersEmail], suggestions.Select(s => s.Column));
        Assert.All(suggestions, s => Assert.Equal(Classification.Pii, s.Suggested));
        Assert.Equal(2, suggestions.Single(s => s.Column == MartEmail).Hops);
        Assert.All(suggestions, s => Assert.Equal(Email, s.Because));
    }

    [Fact]
    public void Indirect_edges_such_as_filters_do_not_propagate()
    {
        var suggestions = ClassificationPropagation.Suggest(
            new Dictionary<ColumnRef, Classification> { [Email] = Classification.Pii },
            [new ColumnLineageEdge(Email, OrdersEmail) { TransformationType = "INDIRECT", TransformationSubtype = "FILTER" }]);

        Assert.Empty(suggestions);
    }

    [Fact]
    public void A_column_already_classified_as_high_gets_no_suggestion()
    {
        var suggestions = ClassificationPropagation.Suggest(
            new Dictionary<ColumnRef, Classification> { [Email] = Classification.Pii, [OrdersEmail] = Classification.Pii },
            [new ColumnLineageEdge(Email, OrdersEmail)]);

        Assert.Empty(suggestions);
    }

    [Fact]
    public void Internal_classification_is_not_propagated() =>
        Assert.Empty(ClassificationPropagation.Suggest(
            new Dictionary<ColumnRef, Classification> { [Email] = Classification.Internal },
            [new ColumnLineageEdge(Email, OrdersEmail)]));

    [Fact]
    public void Cycles_in_column_lineage_terminate()
    {
        var suggestions = ClassificationPropagation.Suggest(
            new Dictionary<ColumnRef, Classification> { [Email] = Classification.Confidential },
            [new ColumnLineageEdge(Email, OrdersEmail), new ColumnLineageEdge(OrdersEmail, Email)]);

        Assert.Equal(OrdersEmail, Assert.Single(suggestions).Column);
    }
}
