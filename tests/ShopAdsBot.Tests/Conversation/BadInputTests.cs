using ShopAdsBot.Tests.Support;
using static ShopAdsBot.Tests.Conversation.Conversations;

namespace ShopAdsBot.Tests.Conversation;

/// <summary>Odd messages get a polite answer, never an exception, and the user's text never comes back in a card.</summary>
public class BadInputTests
{
    public static TheoryData<string, string> Inputs()
    {
        var data = new TheoryData<string, string>();
        var huge = string.Concat(Enumerable.Repeat("zqxjvw ", 100_000 / 7 + 1));
        foreach (var (name, text) in new[]
        {
            ("empty", ""),
            ("spaces", "   "),
            ("emoji", "😀🙏🔥"),
            ("100 KB", huge),
            ("markdown link", "[clic](http://evil.example)"),
            ("script", "<script>alert(1)</script>"),
            ("adaptive card binding", "${title} {{DATE(2020-01-01T00:00:00Z)}}"),
        })
        {
            data.Add(name, text);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task AtTheMenuTheAnswerIsPoliteAndNeverEchoesTheText(string name, string text)
    {
        var client = new BotTestClient("fr-FR", "emulator");
        var replies = await client.SendTextAsync(text);

        // Nothing to read (blank) shows the menu; anything else unreadable gets the honest out-of-scope answer.
        var card = replies.SingleCard();
        Assert.Contains(Text("fr-FR", string.IsNullOrWhiteSpace(text) ? "menuTitle" : "outOfScope"), card.AllText());
        AssertNotEchoed(replies, text, name);
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task MidFlowTheQuestionIsAskedAgainAndNeverEchoesTheText(string name, string text)
    {
        var client = new BotTestClient("fr-FR", "emulator");
        var question = await client.OpenBranchAsync("ads-tab-missing");
        var replies = await client.SendTextAsync(text);

        Assert.Equal(Text("fr-FR", "notUnderstood"), replies.First(r => r.Type == "message").Text);
        Assert.Equal(question.ToString(), replies.SingleCard().ToString());
        AssertNotEchoed(replies, text, name);
    }

    private static void AssertNotEchoed(IEnumerable<Microsoft.Bot.Schema.Activity> replies, string text, string name)
    {
        var json = replies.AsJson();
        foreach (var fragment in new[] { "zqxjvw", "evil.example", "<script", "alert(1)", "${title}", "DATE(" })
        {
            if (text.Contains(fragment, StringComparison.Ordinal))
            {
                Assert.False(json.Contains(fragment, StringComparison.Ordinal), $"{name}: the replies contain '{fragment}'");
            }
        }
    }
}
