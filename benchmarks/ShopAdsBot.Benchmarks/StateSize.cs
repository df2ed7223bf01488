namespace ShopAdsBot.Benchmarks;

/// <summary>
/// Walks one conversation in process and prints the size of its stored state after each turn, and of the copies of its
/// replies kept beside it for a redelivery (written once, read only when an activity comes again).
/// </summary>
internal static class StateSize
{
    public static async Task PrintAsync()
    {
        await using var bot = new InProcessBot();
        var flow = bot.Content.Flow(Turns.Branch);
        var question = flow.StartNode;
        const string conversation = "state-size";
        var turns = new (string Name, Newtonsoft.Json.Linq.JObject Activity)[]
        {
            ("welcome", Turns.Welcome(conversation)),
            ("routed text (at a question)", Turns.Text(conversation, Turns.RoutedText)),
            ("card click (at an answer)", Turns.Click(conversation, flow.Id, question.Id, question.Choices[0].Id)),
            ("typed no (at the next answer)", Turns.Text(conversation, "no")),
        };
        foreach (var (name, activity) in turns)
        {
            var (status, body) = await bot.PostAsync(activity);
            var state = await bot.StoredStateAsync(conversation);
            var parts = string.Join(", ", Newtonsoft.Json.Linq.JObject.Parse(state).Properties().Where(p => p.Name != "$type")
                .Select(p => $"{p.Name} {Bytes(p.Value.ToString(Newtonsoft.Json.Formatting.None))}"));
            var copies = await bot.StoredReplyCopiesAsync(conversation);
            Console.WriteLine($"{name,-30} HTTP {status}, reply {Bytes(body),6} B, stored state {Bytes(state),6} B ({parts}); reply copies {copies.Sum(Bytes),6} B in {copies.Count}");
        }
        Console.WriteLine();
        Console.WriteLine(await bot.StoredStateAsync(conversation));
    }

    private static int Bytes(string text) => System.Text.Encoding.UTF8.GetByteCount(text);
}
