using System.Text;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using ShopAdsBot.Content;

namespace ShopAdsBot.Cards;

/// <summary>
/// Renders the bot's Adaptive Cards: builds the data for a template (cards/&lt;name&gt;.json) from the catalog in the
/// user's language, binds it with <see cref="CardTemplate"/>, and wraps it in an attachment.
/// Button data is stamped here, in one place, so templates only write <c>"data": "${data}"</c>.
/// </summary>
public sealed class CardFactory(ContentCatalog catalog)
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";
    public const string MenuFlow = "menu";
    public const string MenuCommand = "menu";
    public const string Yes = "yes";
    public const string No = "no";

    private MenuDefinition Strings => catalog.Menu;

    /// <summary>First message: what the bot helps with, and every topic by group, each a button that begins it.</summary>
    public Attachment Welcome(string lang)
    {
        var groups = Groups(lang);
        var fallback = Lines(Strings.Text("welcomeTitle", lang), Strings.Text("welcomeIntro", lang), Strings.Text("welcomeTopicsHeading", lang), GroupsAsText(lang));
        return Render("welcome", new JObject
        {
            ["title"] = Strings.Text("welcomeTitle", lang),
            ["intro"] = Strings.Text("welcomeIntro", lang),
            ["topicsHeading"] = Strings.Text("welcomeTopicsHeading", lang),
            ["groups"] = groups,
            ["fallbackText"] = fallback,
        });
    }

    /// <summary>The 11 branches under their group headings.</summary>
    public Attachment Menu(string lang) => Render("menu", new JObject
    {
        ["title"] = Strings.Text("menuTitle", lang),
        ["prompt"] = Strings.Text("menuPrompt", lang),
        ["groups"] = Groups(lang),
        ["fallbackText"] = Lines(Strings.Text("menuTitle", lang), Strings.Text("fallbackMenu", lang), GroupsAsText(lang)),
    });

    /// <summary>A node's card: <see cref="Question"/> or <see cref="Answer"/>, as the node is.</summary>
    public Attachment Node(FlowDefinition flow, FlowNode node, string lang) =>
        node.IsQuestion ? Question(flow, node, lang) : Answer(flow, node, lang);

    /// <summary>A question node: one button per choice, stamped with the flow, node and choice ids.</summary>
    public Attachment Question(FlowDefinition flow, FlowNode node, string lang)
    {
        var choices = node.Choices.Select(c => new JObject
        {
            ["title"] = c.Title.Get(lang),
            ["data"] = ChoiceData(flow.Id, node.Id, c.Id, c.Title.Get(lang)),
        });
        var fallback = Lines(flow.Title.Get(lang), node.Context?.Get(lang), node.Text.Get(lang),
            string.Join("\n", node.Choices.Select((c, i) => $"{i + 1}. {c.Title.Get(lang)}")));
        return Render("question", WithMenuButton(new JObject
        {
            ["branchTitle"] = flow.Title.Get(lang),
            ["context"] = node.Context?.Get(lang),
            ["text"] = node.Text.Get(lang),
            ["choices"] = new JArray(choices),
            ["fallbackText"] = fallback,
        }, lang));
    }

    /// <summary>An answer node: the remedy, its help links, then "did it help?" with Oui / Non.</summary>
    public Attachment Answer(FlowDefinition flow, FlowNode node, string lang)
    {
        var sections = node.Sections.Select(id => catalog.Help[id]).ToList();
        var steps = node.Steps.Select(s => s.Get(lang)).ToList();
        var fallback = Lines(node.Title.Get(lang), node.Intro?.Get(lang),
            string.Join("\n", steps.Select((s, i) => $"{i + 1}. {s}")),
            node.Note?.Get(lang),
            string.Join("\n", sections.Select(s => $"{Strings.Text("openHelp", lang, ("title", s.Title(lang)))} ({s.Url(lang)})")),
            $"{Strings.Text("resolvedQuestion", lang)} ({Strings.Text("yes", lang)} / {Strings.Text("no", lang)})");
        return Render("answer", WithMenuButton(new JObject
        {
            ["branchTitle"] = flow.Title.Get(lang),
            ["title"] = node.Title.Get(lang),
            ["intro"] = node.Intro?.Get(lang),
            ["steps"] = new JArray(steps),
            ["note"] = node.Note?.Get(lang),
            ["sections"] = new JArray(sections.Select(s => new JObject { ["title"] = s.Title(lang), ["url"] = s.Url(lang) })),
            ["resolvedQuestion"] = Strings.Text("resolvedQuestion", lang),
            ["yes"] = Button(Strings.Text("yes", lang), ChoiceData(flow.Id, node.Id, Yes, Strings.Text("yes", lang))),
            ["no"] = Button(Strings.Text("no", lang), ChoiceData(flow.Id, node.Id, No, Strings.Text("no", lang))),
            ["fallbackText"] = fallback,
        }, lang));
    }

    /// <summary>
    /// Up to 3 branches to pick from (stamped like the menu) and "none of these" (back to the menu), under a title from
    /// the bot's strings: "Vouliez-vous dire… ?" by default, or the clarifying question.
    /// </summary>
    public Attachment Suggestions(IReadOnlyList<string> branchIds, string lang, string titleKey = "didYouMeanTitle")
    {
        var flows = branchIds.Take(3).Select(catalog.Flow).ToList();
        var fallback = Lines(Strings.Text(titleKey, lang),
            string.Join("\n", flows.Select((f, i) => $"{i + 1}. {f.Title.Get(lang)}")), Strings.Text("noneOfThese", lang));
        return Render("suggestions", new JObject
        {
            ["title"] = Strings.Text(titleKey, lang),
            ["branches"] = new JArray(flows.Select(f => Branch(f, lang))),
            ["noneOfThese"] = Button(Strings.Text("noneOfThese", lang), MenuCommandData()),
            ["fallbackText"] = fallback,
        });
    }

    /// <summary>A short message from the bot's own strings (never user text), optionally with a back-to-menu button.</summary>
    public Attachment Notice(string text, string lang, bool withMenuButton)
    {
        var data = new JObject { ["text"] = text, ["fallbackText"] = PlainText(text) };
        return Render("notice", withMenuButton ? WithMenuButton(data, lang) : data);
    }

    /// <summary>
    /// A card whose question was answered, as Teams and the Emulator show it in place of the clicked card: the question
    /// and the answer chosen, without buttons, so an old card no longer invites a click.
    /// </summary>
    public Attachment Answered(string heading, string question, string answer, string lang) => Render("answered", new JObject
    {
        ["heading"] = heading,
        ["question"] = question,
        ["answer"] = Strings.Text("answeredWith", lang, ("answer", answer)),
        ["fallbackText"] = Lines(heading, question, Strings.Text("answeredWith", lang, ("answer", answer))),
    });

    /// <summary>A question from the bot's own strings (never user text) with two buttons, each a command.</summary>
    public Attachment Ask(string text, (string Title, string Command) first, (string Title, string Command) second) => Render("ask", new JObject
    {
        ["text"] = text,
        ["first"] = Button(first.Title, CommandData(first.Command, first.Title)),
        ["second"] = Button(second.Title, CommandData(second.Command, second.Title)),
        ["fallbackText"] = Lines(text, $"{first.Title} / {second.Title}"),
    });

    /// <summary>The data of a choice button: recognised by the bot from an Action.Submit, and from a Teams messageBack.</summary>
    public static JObject ChoiceData(string flow, string node, string choice, string title) => new()
    {
        ["flow"] = flow,
        ["node"] = node,
        ["choice"] = choice,
        ["msteams"] = new JObject
        {
            ["type"] = "messageBack",
            ["displayText"] = title,
            ["value"] = new JObject { ["flow"] = flow, ["node"] = node, ["choice"] = choice },
        },
    };

    /// <summary>The data of the global "back to menu" button.</summary>
    public static JObject MenuCommandData() => CommandData(MenuCommand, "Menu");

    /// <summary>The data of a command button ({"command": ...}); Teams shows <paramref name="title"/> in the chat.</summary>
    public static JObject CommandData(string command, string title) => new()
    {
        ["command"] = command,
        ["msteams"] = new JObject
        {
            ["type"] = "messageBack",
            ["displayText"] = title,
            ["value"] = new JObject { ["command"] = command },
        },
    };

    private Attachment Render(string template, JObject data)
    {
        if (!catalog.CardTemplates.TryGetValue(template, out var card))
            throw new ContentException($"cards/{template}.json: template not found");
        return new Attachment { ContentType = AdaptiveCardContentType, Content = (JObject)CardTemplate.Expand(card, data) };
    }

    private JObject WithMenuButton(JObject data, string lang)
    {
        data["backToMenu"] = Button(Strings.Text("backToMenu", lang), MenuCommandData());
        return data;
    }

    private static JObject Button(string title, JObject data) => new() { ["title"] = title, ["data"] = data };

    private JArray Groups(string lang) => new(Strings.Groups.Select(g => new JObject
    {
        ["title"] = g.Title.Get(lang),
        ["branches"] = new JArray(g.Branches.Where(catalog.Flows.ContainsKey).Select(id => Branch(catalog.Flows[id], lang))),
    }));

    private static JObject Branch(FlowDefinition flow, string lang) => new()
    {
        ["id"] = flow.Id,
        ["title"] = flow.Title.Get(lang),
        ["summary"] = flow.Summary.Get(lang),
        ["data"] = ChoiceData(MenuFlow, MenuFlow, flow.Id, flow.Title.Get(lang)),
    };

    private string GroupsAsText(string lang)
    {
        var text = new StringBuilder();
        var number = 1;
        foreach (var group in Strings.Groups)
        {
            text.Append(group.Title.Get(lang)).Append('\n');
            foreach (var id in group.Branches.Where(catalog.Flows.ContainsKey))
                text.Append(number++).Append(". ").Append(catalog.Flows[id].Title.Get(lang)).Append('\n');
        }
        return text.ToString().TrimEnd();
    }

    // fallbackText is plain text: blank lines between parts, markdown bold removed.
    private static string Lines(params string?[] parts) =>
        PlainText(string.Join("\n\n", parts.Where(p => !string.IsNullOrWhiteSpace(p))));

    private static string PlainText(string text) => text.Replace("**", "", StringComparison.Ordinal);
}
