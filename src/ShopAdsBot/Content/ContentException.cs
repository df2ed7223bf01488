namespace ShopAdsBot.Content;

/// <summary>Broken content: the message names the file, the node and the problem.</summary>
public sealed class ContentException : Exception
{
    public ContentException(string message, Exception? inner = null) : base(message, inner) => Problems = [];

    public ContentException(IReadOnlyList<ContentProblem> problems)
        : base(problems.Count == 1
            ? problems[0].ToString()
            : $"{problems.Count} content problems:\n" + string.Join("\n", problems)) => Problems = problems;

    public IReadOnlyList<ContentProblem> Problems { get; }
}

/// <summary>One thing wrong with the content. Node is null for file-level problems.</summary>
public sealed record ContentProblem(string File, string? Node, string Message)
{
    public override string ToString() => Node is null ? $"{File}: {Message}" : $"{File}: node '{Node}': {Message}";
}
