namespace Catalog.Plugins.Descriptors.Yaml;

/// <summary>
/// One thing wrong with a descriptor document: where (line and column in the file), which field (a dotted path
/// such as <c>spec.schema.fields[2].classification</c>) and what was expected instead.
/// </summary>
public sealed record DescriptorProblem(int Line, int Column, string Field, string Message)
{
    public string Position => $"line {Line}, column {Column}";

    public override string ToString() => $"{Field}: {Message} ({Position})";
}

/// <summary>Problems found while reading one document. Any problem rejects the document; others in the file still land.</summary>
public sealed class DescriptorProblems
{
    private readonly List<DescriptorProblem> problems = [];

    public IReadOnlyList<DescriptorProblem> All => problems;

    public bool Any => problems.Count > 0;

    public void Add(YamlDotNet.Core.Mark at, string field, string message) =>
        problems.Add(new DescriptorProblem((int)at.Line, (int)at.Column, field, message));
}
