using Newtonsoft.Json.Linq;

namespace ShopAdsBot.Tests.Transcripts;

/// <summary>
/// The transcript regression suite (docs/transcripts.md): every Transcripts/*.transcript is replayed through the real
/// bot and must get the recorded replies. With RECORD_TRANSCRIPTS=1 the bot side of every file is regenerated from its
/// user side instead, and the test fails with a readable diff of every reply that changed, for a person to read before
/// committing; under CI (CI set) recording is refused, so the code under test never writes its own expectations.
/// </summary>
public class TranscriptTests
{
    public const string RecordVariable = "RECORD_TRANSCRIPTS";

    private static bool Recording => Environment.GetEnvironmentVariable(RecordVariable) == "1";

    private static bool UnderCi => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    public static TheoryData<string> Files() => new(Transcript.Names());

    [Theory]
    [MemberData(nameof(Files))]
    public async Task TheBotAnswersAsRecorded(string name)
    {
        Assert.False(Recording && UnderCi, $"{RecordVariable}=1 is refused under CI: transcripts are recorded by a person, who reads the diff and commits it.");
        var transcript = Transcript.Load(name);
        var played = await TranscriptPlayer.PlayAsync(transcript);
        var changes = Changes(name, transcript.Turns(), played);

        if (Recording)
        {
            transcript.Save(played.SelectMany(t => t.Replies.Prepend(t.User)));
            Assert.True(changes.Count == 0, $"{name} re-recorded; read what changed, then commit it or fix the bot:\n{string.Join("\n", changes)}");
            return;
        }

        Assert.True(transcript.Turns().All(t => t.Replies.Count > 0),
            $"{name}: a user activity has no recorded reply. Record the transcript: {RecordVariable}=1 dotnet test tests/ShopAdsBot.Tests --filter FullyQualifiedName~Transcripts");
        Assert.True(changes.Count == 0, string.Join("\n", changes));
    }

    /// <summary>What the bot says differently from the recording, turn by turn, in words a reviewer can read.</summary>
    public static List<string> Changes(string name, IReadOnlyList<(JObject User, IReadOnlyList<JObject> Replies)> recorded, IReadOnlyList<(JObject User, IReadOnlyList<JObject> Replies)> played)
    {
        var changes = new List<string>();
        for (var turn = 0; turn < Math.Max(recorded.Count, played.Count); turn++)
        {
            var said = Describe((turn < recorded.Count ? recorded[turn] : played[turn]).User);
            IReadOnlyList<JObject> expected = turn < recorded.Count ? recorded[turn].Replies : [];
            IReadOnlyList<JObject> actual = turn < played.Count ? played[turn].Replies : [];
            if (expected.Count != actual.Count)
            {
                changes.Add($"{name}, turn {turn} ({said}): {expected.Count} replies recorded, {actual.Count} now: [{Kinds(expected)}] vs [{Kinds(actual)}]");
            }
            for (var i = 0; i < Math.Min(expected.Count, actual.Count); i++)
            {
                if (ReplyComparer.Difference(expected[i], actual[i]) is { } difference)
                {
                    changes.Add($"{name}, turn {turn} ({said}), reply {i}: {difference}");
                }
            }
        }
        return changes;
    }

    [Fact]
    public void EveryBranchHasATranscriptThatReachesALeafAndAsksWhetherItHelped()
    {
        var names = Transcript.Names().ToList();
        Assert.True(names.Count >= Conversation.Conversations.Catalog.BranchIds.Count, $"{names.Count} transcripts for {Conversation.Conversations.Catalog.BranchIds.Count} branches");
        var covered = new HashSet<string>();
        foreach (var name in names)
        {
            var activities = Transcript.Load(name).Activities;
            Assert.Equal("conversationUpdate", (string?)activities[0]["type"]); // each starts as the Emulator starts a conversation
            foreach (var flow in activities.Where(a => (string?)a["type"] == "trace" && (string?)a["name"] == "Flow"))
            {
                covered.Add((string)flow["value"]!["branch"]!);
            }
        }
        Assert.Equal(Conversation.Conversations.Catalog.BranchIds.Order(), covered.Order());
    }

    [Fact]
    public void TheComparerCatchesADifferentAnswerAndToleratesSmallScoreMoves()
    {
        JObject Route(string branch, double score, params (string, double)[] alternatives) => new()
        {
            ["type"] = "trace", ["name"] = "Route",
            ["value"] = new JObject
            {
                ["branch"] = branch, ["score"] = score, ["confidence"] = "High",
                ["alternatives"] = new JArray(alternatives.Select(a => new JObject { ["branch"] = a.Item1, ["score"] = a.Item2 })),
            },
        };
        Assert.Null(ReplyComparer.Difference(Route("a", 0.90, ("a", 0.90), ("b", 0.01)), Route("a", 0.93, ("a", 0.93), ("c", 0.02))));
        Assert.NotNull(ReplyComparer.Difference(Route("a", 0.90, ("a", 0.90)), Route("b", 0.90, ("b", 0.90))));
        Assert.NotNull(ReplyComparer.Difference(Route("a", 0.90, ("a", 0.90)), Route("a", 0.70, ("a", 0.70))));
        Assert.NotNull(ReplyComparer.Difference(Route("a", 0.60, ("a", 0.60), ("b", 0.30)), Route("a", 0.60, ("a", 0.60), ("c", 0.30))));

        var card = new JObject { ["type"] = "message", ["attachments"] = new JArray(new JObject { ["content"] = new JObject { ["text"] = "Oui" } }) };
        var other = (JObject)card.DeepClone();
        other["attachments"]![0]!["content"]!["text"] = "Non";
        Assert.NotNull(ReplyComparer.Difference(card, other));
        var moved = (JObject)card.DeepClone();
        moved["id"] = "another id";
        moved["timestamp"] = "2030-01-01T00:00:00.000Z";
        Assert.Null(ReplyComparer.Difference(card, moved));
    }

    private static string Describe(JObject user) =>
        (string?)user["text"] is { } text ? $"\"{text}\"" : user["value"] is { } value ? $"click {value.ToString(Newtonsoft.Json.Formatting.None)}" : (string?)user["type"] ?? "?";

    private static string Kinds(IEnumerable<JObject> replies) =>
        string.Join(", ", replies.Select(r => (string?)r["type"] == "trace" ? $"trace {r["name"]}" : r["attachments"] != null ? "card" : "text"));
}
