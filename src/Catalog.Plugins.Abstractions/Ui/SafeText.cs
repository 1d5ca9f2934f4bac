using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Catalog.Plugins.Ui;

/// <summary>
/// Renders untrusted text (a name, ref, namespace, description): encoded as always, isolated in a <c>&lt;bdi&gt;</c>
/// so right-to-left text cannot reorder what surrounds it, and with every hidden or direction-changing character
/// shown as a visible marker (<c>⚠ U+202E</c>, its name in the title) instead of being obeyed. Use it wherever such
/// text is displayed; <see cref="InvisibleCharacters.Reveal"/> is the plain-text form for titles and attributes.
/// </summary>
public sealed class SafeText : ComponentBase
{
    [Parameter] public string? Value { get; set; }

    /// <summary>False when the caller already isolates (a highlighted name rendered piece by piece).</summary>
    [Parameter] public bool Isolate { get; set; } = true;

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (string.IsNullOrEmpty(Value)) return;
        if (Isolate) builder.OpenElement(0, "bdi");
        foreach (var segment in InvisibleCharacters.Split(Value))
        {
            if (segment.FlaggedCodePoint is null)
            {
                builder.AddContent(1, segment.Text);
                continue;
            }
            builder.OpenElement(2, "span");
            builder.AddAttribute(3, "class", "hidden-char");
            builder.AddAttribute(4, "title", segment.Explanation);
            builder.AddAttribute(5, "data-code-point", segment.Marker[2..]);
            builder.AddContent(6, segment.Marker);
            builder.CloseElement();
        }
        if (Isolate) builder.CloseElement();
    }
}
