namespace Catalog.Plugins.Ui;

/// <summary>
/// An item of the main navigation. <see cref="Audience"/> says whose page it is (engineers, owners, auditors)
/// and is shown as a hint. <see cref="RequiredPolicy"/>, when set, names the authorization policy a user
/// needs to see the item (the page itself enforces it as well).
/// </summary>
public sealed record NavItem(string Title, string Href)
{
    public int Order { get; init; } = 100;
    public string? Icon { get; init; }
    public string? RequiredPolicy { get; init; }
    public string? Audience { get; init; }
}
