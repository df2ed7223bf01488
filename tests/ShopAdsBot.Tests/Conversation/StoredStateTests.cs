using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ShopAdsBot.Content;
using ShopAdsBot.Tests.Support;
using static ShopAdsBot.Tests.Conversation.Conversations;

namespace ShopAdsBot.Tests.Conversation;

/// <summary>
/// What a conversation stores mid-flow is where it is (the branch, the node, the choice ids, a few counters), never the
/// content: a content change never has to migrate stored conversations, and the state read and written every turn stays small.
/// </summary>
public class StoredStateTests
{
    [Theory]
    [InlineData("fr-FR", "l'onglet Annonces n'apparaît pas dans le Centre des vendeurs")]
    [InlineData("en-US", "the Ads tab is missing in Seller Center")]
    public async Task AtAQuestionTheStoredStateHoldsThePositionAndNoContentText(string locale, string problem)
    {
        var client = new BotTestClient(locale, services: BotTestClient.BuildServices());
        var flow = Catalog.Flow("ads-tab-missing");
        var question = flow.StartNode;

        var card = (await client.SendTextAsync(problem)).LastCard();
        AssertNode(card, flow.Id, question.Id, locale);

        var strings = await StoredStringsAsync(client);
        Assert.Contains(flow.Id, strings);
        Assert.Contains(question.Id, strings);
        Assert.All(question.Choices, choice => Assert.Contains(choice.Id, strings));
        foreach (var text in ContentTexts(flow, question))
        {
            Assert.DoesNotContain(strings, s => s.Contains(text, StringComparison.OrdinalIgnoreCase));
        }
        foreach (var synonym in question.Choices.SelectMany(c => c.SynonymsFor("fr").Concat(c.SynonymsFor("en"))))
        {
            Assert.DoesNotContain(synonym, strings, StringComparer.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task ATypedSynonymStillAnswersTheQuestion()
    {
        // The synonyms are read from the content at recognition time, not from the stored options.
        var client = new BotTestClient("en-US", services: BotTestClient.BuildServices());
        await client.SendTextAsync("the Ads tab is missing in Seller Center");

        var answer = (await client.SendTextAsync("united states")).LastCard();

        AssertNode(answer, "ads-tab-missing", "us-menu-path", "en-US");
    }

    /// <summary>Every string value and property name of the conversation's stored state, as its storage holds it.</summary>
    private static async Task<List<string>> StoredStringsAsync(BotTestClient client)
    {
        var key = $"{client.ChannelId}/conversations/{client.ConversationId}";
        var stored = await client.Services.GetRequiredService<IStorage>().ReadAsync([key]);
        var json = JObject.Parse(JsonConvert.SerializeObject(stored[key], new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.All }));
        return json.Descendants().OfType<JValue>().Where(v => v.Type == JTokenType.String).Select(v => (string)v!)
            .Concat(json.Descendants().OfType<JProperty>().Select(p => p.Name))
            .ToList();
    }

    /// <summary>The branch's title and the question's text and choice titles, in both languages.</summary>
    private static IEnumerable<string> ContentTexts(FlowDefinition flow, FlowNode question) =>
        new[] { flow.Title, question.Text }.Concat(question.Choices.Select(c => c.Title))
            .SelectMany(t => new[] { t.Fr, t.En });
}
