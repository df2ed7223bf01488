using Newtonsoft.Json.Linq;
using ShopAdsBot.Content;

namespace ShopAdsBot.Tests.Transcripts;

/// <summary>
/// The transcript regression suite (docs/transcripts.md): every Transcripts/*.transcript is replayed through the real
/// bot and must get the recorded replies. With RECORD_TRANSCRIPTS=1 the bot side of every file is regenerated from its
/// user side instead; a person reads the diff before committing it.
/// </summary>
public class TranscriptTests
{
    public const string RecordVariable = "RECORD_TRANSCRIPTS";

    private static bool Recording => Environment.GetEnvironmentVariable(RecordVariable) == "1";

    public static TheoryData<string> Files() => new(Transcript.Names());

    [Theory]
    [MemberData(nameof(Files))]
    public async Task TheBotAnswersAsRecorded(string name)
    {
        var transcript = Transcript.Load(name);
        var played = await TranscriptPlayer.PlayAsync(transcript);

        if (Recording)
        {
            transcript.Save(played.SelectMany(t => t.Replies.Prepend(t.User)));
            return;
        }

        var recorded = transcript.Turns();
        Assert.True(recorded.All(t => t.Replies.Count > 0),
            $"{name}: a user activity has no recorded reply. Record the transcript: {RecordVariable}=1 dotnet test tests/ShopAdsBot.Tests --filter FullyQualifiedName~Transcripts");
        for (var turn = 0; turn < recorded.Count; turn++)
        {
            var said = Describe(recorded[turn].User);
            var expected = recorded[turn].Replies;
            var actual = played[turn].Replies;
            Assert.True(expected.Count == actual.Count,
                $"{name}, turn {turn} ({said}): {expected.Count} replies recorded, {actual.Count} now: [{Kinds(expected)}] vs [{Kinds(actual)}]");
            for (var i = 0; i < expected.Count; i++)
            {
                var difference = ReplyComparer.Difference(expected[i], actual[i]);
                Assert.True(difference == null, $"{name}, turn {turn} ({said}), reply {i}: {difference}");
            }
        }
    }

    [Fact]
    public void EveryBranchHasATranscriptThatReachesALeafAndAsksWhetherItHelped()
    {
        var names = Transcript.Names().ToList();
        Assert.True(names.Count >= ContentCatalog.BranchIds.Count, $"{names.Count} transcripts for {ContentCatalog.BranchIds.Count} branches");
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
        Assert.Equal(ContentCatalog.BranchIds.Order(), covered.Order());
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
