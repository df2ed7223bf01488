namespace ShopAdsBot.Benchmarks;

/// <summary>Walks one conversation in process and prints the size of its stored state after each turn.</summary>
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
            Console.WriteLine($"{name,-32} HTTP {status}, reply {body.Length,6} chars, stored state {System.Text.Encoding.UTF8.GetByteCount(state),6} bytes");
        }
        Console.WriteLine();
        Console.WriteLine(await bot.StoredStateAsync(conversation));
    }
}
