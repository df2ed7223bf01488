using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using ShopAdsBot.Content;
using ShopAdsBot.Tests.Support;

namespace ShopAdsBot.Tests.Dialogs;

/// <summary>
/// Every edge of every branch, walked through the real bot and adapter in French and in English: each choice of each
/// question, and Oui and Non at each answer. Each walk starts a fresh conversation at the menu and clicks its way there,
/// asserting at every step the card the seller sees (texts, buttons stamped with flow and node, help links of the language).
/// </summary>
public class FlowWalkTests
{
    private static readonly ContentCatalog Content = new BotTestClient().Content;

    public static TheoryData<string, string> BranchesAndLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var branch in Content.BranchIds)
        {
            data.Add(branch, "fr-FR");
            data.Add(branch, "en-US");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(BranchesAndLanguages))]
    public async Task EveryChoiceAndEveryAnswerLeadsWhereTheFlowSays(string branch, string locale)
    {
        var flow = Content.Flow(branch);
        var language = locale[..2];
        var paths = PathsTo(flow);
        Assert.Equal(flow.Nodes.Count, paths.Count); // every node is reachable from the start

        foreach (var node in flow.Nodes)
        {
            if (node.IsQuestion)
            {
                foreach (var choice in node.Choices)
                {
                    var (client, card) = await WalkToAsync(flow, paths[node.Id], locale);
                    var replies = await client.ClickAsync(card.Button(choice.Id, node.Id));
                    AssertShowsNode(flow, flow.Node(choice.Next), language, replies.LastCard(), $"{branch}/{node.Id} --{choice.Id}-->");
                }
                continue;
            }

            // Oui: the problem is solved, the bot says so warmly and offers the menu.
            var (yesClient, yesCard) = await WalkToAsync(flow, paths[node.Id], locale);
            var afterYes = await yesClient.ClickAsync(yesCard.Button("yes", node.Id));
            Assert.Contains(Content.Menu.Text("resolvedThanks", language), afterYes.AllText());
            Assert.NotNull(afterYes.LastCard().CommandButton("menu"));

            // Non: the next remedy, else support, else the last resort.
            var (noClient, noCard) = await WalkToAsync(flow, paths[node.Id], locale);
            var afterNo = await noClient.ClickAsync(noCard.Button("no", node.Id));
            if (node.Next != null)
            {
                AssertShowsNode(flow, flow.Node(node.Next), language, afterNo.LastCard(), $"{branch}/{node.Id} --Non-->");
            }
            else if (branch != ContentCatalog.SupportBranchId)
            {
                var support = Content.Flow(ContentCatalog.SupportBranchId);
                Assert.Contains(Content.Menu.Text("escalationIntro", language), afterNo.AllText());
                AssertShowsNode(support, support.StartNode, language, afterNo.LastCard(), $"{branch}/{node.Id} --Non--> support");
            }
            else
            {
                Assert.Contains(Content.Menu.Text("lastResort", language), afterNo.AllText());
            }
        }
    }

    /// <summary>Opens the menu, clicks the branch, then follows the path; returns the conversation and the card now shown.</summary>
    private static async Task<(BotTestClient Client, JObject Card)> WalkToAsync(FlowDefinition flow, IReadOnlyList<(FlowNode Node, string Choice)> path, string locale)
    {
        var client = new BotTestClient(locale);
        var menu = (await client.SendTextAsync("menu")).LastCard();
        var card = (await client.ClickAsync(menu.Button(flow.Id))).LastCard();
        AssertShowsNode(flow, flow.StartNode, locale[..2], card, $"{flow.Id} from the menu");
        foreach (var (node, choice) in path)
        {
            card = (await client.ClickAsync(card.Button(choice, node.Id))).LastCard();
        }
        return (client, card);
    }

    private static void AssertShowsNode(FlowDefinition flow, FlowNode node, string language, JObject card, string where)
    {
        Assert.True((string?)card["version"] == "1.5", $"{where}: card version");
        Assert.False(string.IsNullOrWhiteSpace((string?)card["fallbackText"]), $"{where}: fallbackText");
        var text = card.AllText();
        var stamped = card.SubmitActions().Select(a => a["data"] as JObject).Where(d => d?["flow"] != null).ToList();
        Assert.True(stamped.All(d => (string?)d!["flow"] == flow.Id && (string?)d["node"] == node.Id), $"{where}: buttons stamped with {flow.Id}/{node.Id}");

        if (node.IsQuestion)
        {
            Assert.True(text.Contains(node.Text.Get(language)), $"{where}: question text of {node.Id}");
            Assert.Equal(node.Choices.Select(c => c.Id), stamped.Select(d => (string)d!["choice"]!));
            foreach (var choice in node.Choices)
            {
                Assert.True(text.Contains(choice.Title.Get(language)), $"{where}: choice title {choice.Id}");
            }
        }
        else
        {
            Assert.True(text.Contains(node.Title.Get(language)), $"{where}: answer title of {node.Id}");
            Assert.Equal(new[] { "yes", "no" }, stamped.Select(d => (string)d!["choice"]!));
            Assert.Equal(node.Sections.Select(id => Content.Help[id].Url(language)), card.OpenUrls());
            foreach (var step in node.Steps)
            {
                Assert.True(text.Contains(step.Get(language)), $"{where}: step of {node.Id}");
            }
        }
    }

    /// <summary>For each node, a shortest way there from the start: the choices to click (Non at answers is "no").</summary>
    private static Dictionary<string, IReadOnlyList<(FlowNode Node, string Choice)>> PathsTo(FlowDefinition flow)
    {
        var paths = new Dictionary<string, IReadOnlyList<(FlowNode, string)>> { [flow.Start] = [] };
        var queue = new Queue<FlowNode>([flow.StartNode]);
        while (queue.TryDequeue(out var node))
        {
            var edges = node.IsQuestion
                ? node.Choices.Select(c => (c.Id, c.Next))
                : node.Next is { } next ? [("no", next)] : [];
            foreach (var (choice, target) in edges)
            {
                if (!paths.ContainsKey(target))
                {
                    paths[target] = [.. paths[node.Id], (node, choice)];
                    queue.Enqueue(flow.Node(target));
                }
            }
        }
        return paths;
    }
}
