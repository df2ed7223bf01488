using Newtonsoft.Json.Linq;

namespace ShopAdsBot.Tests.Transcripts;

/// <summary>
/// Compares a recorded bot reply with a replayed one on what the seller (or the Emulator's inspector) sees: type, text,
/// attachments and trace name and value. Ids, timestamps, addresses, conversation ids and replyToId are ignored.
/// Recognizer scores may move a little when content is edited: they match within <see cref="ScoreTolerance"/>, and only
/// alternatives that matter (score ≥ <see cref="MinAlternativeScore"/>) are compared.
/// </summary>
public static class ReplyComparer
{
    public const double ScoreTolerance = 0.05;
    public const double MinAlternativeScore = 0.05;

    /// <summary>Null when they match, else what differs.</summary>
    public static string? Difference(JObject expected, JObject actual)
    {
        foreach (var field in new[] { "type", "text", "name" })
        {
            if (!JToken.DeepEquals(expected[field], actual[field]))
            {
                return $"{field}: expected {Show(expected[field])}, got {Show(actual[field])}";
            }
        }
        if (!JToken.DeepEquals(expected["attachments"] ?? new JArray(), actual["attachments"] ?? new JArray()))
        {
            return $"attachments differ\nexpected: {Show(expected["attachments"])}\ngot: {Show(actual["attachments"])}";
        }
        var same = (string?)expected["name"] == "Route"
            ? SameRoute(expected["value"] as JObject, actual["value"] as JObject)
            : JToken.DeepEquals(expected["value"], actual["value"]);
        return same ? null : $"value: expected {Show(expected["value"])}, got {Show(actual["value"])}";
    }

    private static bool SameRoute(JObject? expected, JObject? actual)
    {
        if (expected == null || actual == null)
        {
            return expected == actual;
        }
        return (string?)expected["branch"] == (string?)actual["branch"]
            && (string?)expected["confidence"] == (string?)actual["confidence"]
            && Close(expected["score"], actual["score"])
            && SameAlternatives(expected["alternatives"], actual["alternatives"]);
    }

    private static bool SameAlternatives(JToken? expected, JToken? actual)
    {
        var e = Scores(expected);
        var a = Scores(actual);
        // Every alternative that matters on either side is on the other side too, with a close score.
        return e.Where(kv => kv.Value >= MinAlternativeScore).All(kv => a.TryGetValue(kv.Key, out var s) && Math.Abs(s - kv.Value) <= ScoreTolerance)
            && a.Where(kv => kv.Value >= MinAlternativeScore).All(kv => e.TryGetValue(kv.Key, out var s) && Math.Abs(s - kv.Value) <= ScoreTolerance);
    }

    private static Dictionary<string, double> Scores(JToken? alternatives) =>
        (alternatives as JArray ?? []).ToDictionary(a => (string)a["branch"]!, a => (double)a["score"]!);

    private static bool Close(JToken? a, JToken? b) =>
        a != null && b != null && Math.Abs((double)a - (double)b) <= ScoreTolerance;

    private static string Show(JToken? token)
    {
        var text = token?.ToString(Newtonsoft.Json.Formatting.None) ?? "(none)";
        return text.Length > 1500 ? text[..1500] + "…" : text;
    }
}
