using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ShopAdsBot.Content;

namespace ShopAdsBot.Tests.Transcripts;

/// <summary>
/// A .transcript file as Bot Framework Emulator saves it ("Save transcript"): a JSON array of activities in order,
/// the user's (from.role "user": conversationUpdate, typed text, card clicks as value) each followed by the bot's replies
/// (messages, cards, and the Emulator-only "Route" and "Flow" traces).
/// </summary>
public sealed class Transcript
{
    public const string Extension = ".transcript";

    private Transcript(string path, JArray activities)
    {
        Path = path;
        Activities = activities;
    }

    /// <summary>The folder of the transcripts in the repository (read and written there, never in bin/).</summary>
    public static string Folder => System.IO.Path.Combine(ContentCatalog.LocateSourceRoot(), "tests", "ShopAdsBot.Tests", "Transcripts");

    public string Path { get; }

    public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);

    public JArray Activities { get; }

    public static IEnumerable<string> Names() =>
        Directory.GetFiles(Folder, "*" + Extension).Select(System.IO.Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!;

    public static Transcript Load(string name)
    {
        var path = System.IO.Path.Combine(Folder, name + Extension);
        using var reader = new JsonTextReader(new StreamReader(path)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Double };
        return new Transcript(path, (JArray)JToken.ReadFrom(reader));
    }

    public static bool IsFromUser(JToken activity) => (string?)activity["from"]?["role"] == "user";

    /// <summary>Each user activity with the bot replies recorded after it.</summary>
    public IReadOnlyList<(JObject User, IReadOnlyList<JObject> Replies)> Turns()
    {
        var turns = new List<(JObject, IReadOnlyList<JObject>)>();
        List<JObject>? replies = null;
        foreach (var activity in Activities.Cast<JObject>())
        {
            if (IsFromUser(activity))
            {
                replies = [];
                turns.Add((activity, replies));
            }
            else
            {
                (replies ?? throw new InvalidDataException($"{Name}: a bot activity before any user activity")).Add(activity);
            }
        }
        return turns;
    }

    /// <summary>The locale of the conversation: the first user activity's, else French.</summary>
    public string Locale => Activities.Select(a => (string?)a["locale"]).FirstOrDefault(l => !string.IsNullOrEmpty(l)) ?? "fr-FR";

    public void Save(IEnumerable<JObject> activities)
    {
        var text = JsonConvert.SerializeObject(new JArray(activities), Formatting.Indented).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
        File.WriteAllText(Path, text, new UTF8Encoding(false));
    }
}
