namespace ShopAdsBot.Content;

/// <summary>One troubleshooting branch: dialogs/&lt;id&gt;.json (see docs/content.md).</summary>
public sealed class FlowDefinition
{
    public string Id { get; init; } = "";
    public string Group { get; init; } = "";
    public LocalizedText Title { get; init; } = LocalizedText.Empty;
    public LocalizedText Summary { get; init; } = LocalizedText.Empty;
    public string Start { get; init; } = "";
    public List<FlowNode> Nodes { get; init; } = [];

    /// <summary>The node with this id, or null.</summary>
    public FlowNode? FindNode(string? id) => Nodes.FirstOrDefault(n => n.Id == id);

    /// <summary>The node with this id; throws when it does not exist (validated content never does).</summary>
    public FlowNode Node(string id) =>
        FindNode(id) ?? throw new ContentException($"dialogs/{Id}.json: node '{id}' does not exist");

    public FlowNode StartNode => Node(Start);
}

public static class FlowNodeTypes
{
    public const string Question = "question";
    public const string Answer = "answer";
}

/// <summary>A step of a flow: a question (choices lead to other nodes) or an answer (a remedy, ending with "did it help?").</summary>
public sealed class FlowNode
{
    public string Id { get; init; } = "";
    public string Type { get; init; } = "";

    // question
    public LocalizedText? Context { get; init; }
    public LocalizedText Text { get; init; } = LocalizedText.Empty;
    public List<FlowChoice> Choices { get; init; } = [];

    // answer
    public LocalizedText Title { get; init; } = LocalizedText.Empty;
    public LocalizedText? Intro { get; init; }
    public List<LocalizedText> Steps { get; init; } = [];
    public LocalizedText? Note { get; init; }
    public List<string> Sections { get; init; } = [];

    /// <summary>Answer only: the node tried when the user says "Non"; null escalates to the support-contact branch.</summary>
    public string? Next { get; init; }

    public bool IsQuestion => Type == FlowNodeTypes.Question;
    public bool IsAnswer => Type == FlowNodeTypes.Answer;
}

/// <summary>One option of a question: a button on the card, recognised from its title or synonyms when typed.</summary>
public sealed class FlowChoice
{
    public string Id { get; init; } = "";
    public LocalizedText Title { get; init; } = LocalizedText.Empty;
    public Dictionary<string, List<string>>? Synonyms { get; init; }
    /// <summary>
    /// On the first question of a flow only: phrases that, in the message that started the flow, already give this
    /// answer ("ma boutique est aux États-Unis", "our former agency"). The flow then starts at <see cref="Next"/>.
    /// </summary>
    public Dictionary<string, List<string>>? AnsweredBy { get; init; }
    public string Next { get; init; } = "";

    public IReadOnlyList<string> SynonymsFor(string? lang) =>
        Synonyms is not null && Synonyms.TryGetValue(LocalizedText.Normalize(lang), out var list) ? list : [];
}
