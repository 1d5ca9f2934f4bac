using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Catalog.Plugins.Descriptors.Yaml;

/// <summary>
/// A YAML file read into its descriptor documents. A syntax error stops reading at that point: the documents before it
/// are kept (they still land) and the error says where the parser gave up.
/// </summary>
public sealed class DescriptorFile
{
    private DescriptorFile(string fullPath, string relativePath, byte[] content)
    {
        FullPath = fullPath;
        RelativePath = relativePath;
        Content = content;
    }

    /// <summary>Absolute path: the input's location (see <see cref="DescriptorHarvester.InputLocation"/>).</summary>
    public string FullPath { get; }
    /// <summary>Path from the harvest root with forward slashes: what errors name.</summary>
    public string RelativePath { get; }
    public byte[] Content { get; }
    public List<DescriptorDocument> Documents { get; } = [];
    /// <summary>Documents with some other apiVersion (a Kubernetes manifest, a CI config): not descriptors, skipped.</summary>
    public int ForeignDocuments { get; private set; }
    public DescriptorProblem? SyntaxError { get; private set; }

    /// <summary>True when the file holds something this harvester must answer for (a descriptor or a broken one).</summary>
    public bool IsDescriptorFile => Documents.Count > 0 || SyntaxError is not null;

    public static DescriptorFile Read(string fullPath, string relativePath, byte[] content)
    {
        var file = new DescriptorFile(fullPath, relativePath, content);
        var text = Encoding.UTF8.GetString(content);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            // Only a file that looks like a descriptor owes us an explanation; a broken Helm template in a checkout does not.
            if (DescriptorApiVersions.AppearsIn(text))
                file.SyntaxError = new DescriptorProblem((int)e.Start.Line, (int)e.Start.Column, "(yaml)",
                    $"is not valid YAML: {InnermostMessage(e)}; documents after this point were not read");
        }
        // YamlStream keeps the documents it finished before an error.
        for (var i = 0; i < stream.Documents.Count; i++)
        {
            var root = stream.Documents[i].RootNode;
            if (root is not YamlMappingNode mapping || !TryGetScalar(mapping, "apiVersion", out var apiVersion))
            {
                if (root is not YamlScalarNode { Value: null or "" }) file.ForeignDocuments++;
                continue;
            }
            if (!DescriptorApiVersions.IsDescriptor(apiVersion))
            {
                file.ForeignDocuments++;
                continue;
            }
            TryGetScalar(mapping, "kind", out var kind);
            file.Documents.Add(new DescriptorDocument(i, mapping, apiVersion, kind));
        }
        return file;
    }

    private static bool TryGetScalar(YamlMappingNode mapping, string key, out string value)
    {
        value = "";
        if (!mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) || node is not YamlScalarNode { Value: { } text }) return false;
        value = text;
        return true;
    }

    private static string InnermostMessage(Exception e)
    {
        while (e.InnerException is not null) e = e.InnerException;
        var message = e.Message;
        // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 40) - (Line: …): "; the position is reported separately.
        var marker = message.LastIndexOf("): ", StringComparison.Ordinal);
        return marker >= 0 && message.StartsWith("(Line", StringComparison.Ordinal) ? message[(marker + 3)..] : message;
    }
}
