namespace ShopAdsBot.Insights;

/// <summary>GET /insights/api/summary (docs/insights.md): the shape is a stable interface.</summary>
public sealed record InsightsSummary(
    ConversationCounts Conversations,
    IReadOnlyList<BranchCounts> Branches,
    IReadOnlyList<NodeCounts> Nodes,
    IReadOnlyList<NotUnderstoodCount> NotUnderstood);

public sealed record ConversationCounts(int Total, IReadOnlyDictionary<string, int> ByChannel, IReadOnlyDictionary<string, int> ByLanguage);

public sealed record BranchCounts(string Branch, int Started, int RatedYes, int RatedNo, int Escalated);

public sealed record NodeCounts(string Branch, string Node, int RatedYes, int RatedNo);

/// <summary><paramref name="Text"/> is null when the text was not recorded (Insights:RecordText off).</summary>
public sealed record NotUnderstoodCount(string? Text, int Count, string Guess);

/// <summary>GET /insights/api/daily: conversations started per day (UTC), channel and language.</summary>
public sealed record DailyConversations(string Day, string Channel, string Language, int Conversations);
