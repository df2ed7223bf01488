using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ShopAdsBot.Tests.Support;

/// <summary>Where the bot is used in Teams: conversation.conversationType.</summary>
public enum TeamsScope
{
    Personal,
    Channel,
    GroupChat,
}

/// <summary>
/// One Teams conversation and the activities Teams posts in it, shaped as Teams sends them over HTTP (JSON): channelId
/// "msteams", the Teams serviceUrl, users "29:…" with their aadObjectId, the bot "28:&lt;app id&gt;", conversation
/// { conversationType, tenantId, id }, channelData { tenant, team, channel, eventType }, mention and clientInfo entities.
/// Shapes follow the Teams docs (bots: conversation events, card actions; channel messages are "19:…@thread.tacv2").
/// </summary>
public sealed class TeamsConversation
{
    public const string AppId = "3c9d6b1e-5f2a-4e8b-9a71-0d4c2e6f8b15";
    public const string BotId = "28:" + AppId;
    public const string BotName = "ShopAdsBot";
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

    private static long messageIds = 1_700_000_000_000;

    public TeamsConversation(TeamsScope scope, string locale = "fr-FR")
    {
        Scope = scope;
        Locale = locale;
        var key = Guid.NewGuid().ToString("N");
        TeamId = $"19:{key}@thread.tacv2";
        Id = scope switch
        {
            // A personal chat; a post in the team's General channel (whose id is the team's) and its thread; a group chat.
            TeamsScope.Personal => $"a:1{key}",
            TeamsScope.Channel => $"{TeamId};messageid={NextMessageId()}",
            _ => $"19:{key}@thread.v2",
        };
    }

    public TeamsScope Scope { get; }

    public string Locale { get; }

    public string TeamId { get; }

    /// <summary>The conversation id of the messages (in a channel: the thread of one post).</summary>
    public string Id { get; }

    public static JObject User { get; } = Account("29:1GcS4EyB_oSI8A88XmWBN7NJFyMqe3QGnJdgLfFGkJnVelzRGos0bPbpsfJjcbAD22bmKc4GFvgiQ9kxQuqZ6Kg", "Camille Martin", "6b2e7c4a-1f0d-4a3b-8e9c-5d7f1a2b3c4d");

    public static JObject Bot { get; } = new() { ["id"] = BotId, ["name"] = BotName };

    public static JObject Account(string id, string name, string aadObjectId) =>
        new() { ["id"] = id, ["name"] = name, ["aadObjectId"] = aadObjectId };

    /// <summary>The conversation TestAdapter stamps on every activity (it overwrites recipient, conversation and serviceUrl).</summary>
    public ConversationReference Reference => ToActivity(Message("x")).GetConversationReference();

    public BotTestClient Client() => new(Reference, Locale);

    /// <summary>A typed message; in a team or group chat people @mention the bot, which Teams writes as &lt;at&gt;name&lt;/at&gt;.</summary>
    public JObject Message(string text, bool mentionBot = false)
    {
        var activity = Base("message");
        var mention = $"<at>{BotName}</at>";
        activity["text"] = mentionBot ? $"{mention} {text}" : text;
        activity["textFormat"] = "plain";
        if (mentionBot)
        {
            ((JArray)activity["entities"]!).AddFirst(new JObject
            {
                ["type"] = "mention",
                ["mentioned"] = Bot.DeepClone(),
                ["text"] = mention,
            });
        }
        return activity;
    }

    /// <summary>
    /// A click on an Action.Submit whose data carries msteams messageBack (all the bot's buttons). Teams shows the
    /// displayText in the chat (it is not sent to the bot), and posts a message whose text is msteams.text (absent here)
    /// and whose value is the msteams value overlaid on the data's other properties, without the msteams object.
    /// <paramref name="msteamsValueOnly"/>: the value alone, as a JSON string (the docs' own example writes it so).
    /// </summary>
    public JObject MessageBackClick(JObject buttonData, bool msteamsValueOnly = false)
    {
        var msteams = (JObject)buttonData["msteams"]!;
        Assert.Equal("messageBack", (string?)msteams["type"]);
        var value = new JObject(buttonData.Properties().Where(p => p.Name != "msteams").Select(p => new JProperty(p.Name, p.Value.DeepClone())));
        foreach (var property in ((JObject)msteams["value"]!).Properties())
        {
            value[property.Name] = property.Value.DeepClone();
        }

        var activity = Base("message");
        activity["replyToId"] = NextMessageId().ToString();
        activity["value"] = msteamsValueOnly ? msteams["value"]!.ToString(Newtonsoft.Json.Formatting.None) : value;
        if (msteams["text"] is JValue text)
        {
            activity["text"] = text.DeepClone();
        }
        return activity;
    }

    /// <summary>Teams adds members: the bot itself when the app is installed or added to a team or group chat, or people.</summary>
    public JObject MembersAdded(params JObject[] members)
    {
        var activity = ConversationUpdate(Scope == TeamsScope.Channel ? "teamMemberAdded" : null);
        activity["membersAdded"] = new JArray(members.Select(m => m.DeepClone()));
        return activity;
    }

    public JObject MembersRemoved(params JObject[] members)
    {
        var activity = ConversationUpdate(Scope == TeamsScope.Channel ? "teamMemberRemoved" : null);
        activity["membersRemoved"] = new JArray(members.Select(m => m.DeepClone()));
        return activity;
    }

    /// <summary>A conversationUpdate with a Teams eventType (channelCreated, teamRenamed…) and no members.</summary>
    public JObject ConversationUpdate(string? eventType)
    {
        var activity = Base("conversationUpdate");
        activity.Remove("entities");
        if (eventType != null)
        {
            activity["channelData"]!["eventType"] = eventType;
        }
        if (eventType is "channelCreated" or "channelRenamed" or "channelDeleted")
        {
            activity["channelData"]!["channel"] = new JObject { ["id"] = $"19:{Guid.NewGuid():N}@thread.tacv2", ["name"] = "Campagnes" };
        }
        return activity;
    }

    /// <summary>Teams sends installationUpdate ("add", "remove") besides the conversationUpdate when the app is (un)installed.</summary>
    public JObject InstallationUpdate(string action)
    {
        var activity = Base("installationUpdate");
        activity.Remove("entities");
        activity["action"] = action;
        return activity;
    }

    public JObject ReactionAdded(string reaction = "like")
    {
        var activity = Base("messageReaction");
        activity.Remove("entities");
        activity["replyToId"] = NextMessageId().ToString();
        activity["reactionsAdded"] = new JArray(new JObject { ["type"] = reaction });
        return activity;
    }

    public JObject Invoke(string name, JToken? value = null)
    {
        var activity = Base("invoke");
        activity["name"] = name;
        activity["value"] = value ?? new JObject();
        return activity;
    }

    public static Activity ToActivity(JObject json) => json.ToObject<Activity>()!;

    private JObject Base(string type)
    {
        var conversation = new JObject
        {
            ["conversationType"] = Scope switch { TeamsScope.Personal => "personal", TeamsScope.Channel => "channel", _ => "groupChat" },
            ["tenantId"] = TenantId,
            ["id"] = type == "message" || Scope != TeamsScope.Channel ? Id : TeamId,
        };
        if (Scope != TeamsScope.Personal)
        {
            conversation.AddFirst(new JProperty("isGroup", true));
        }

        var channelData = new JObject { ["tenant"] = new JObject { ["id"] = TenantId } };
        if (Scope == TeamsScope.Channel)
        {
            channelData["teamsChannelId"] = TeamId;
            channelData["teamsTeamId"] = TeamId;
            channelData["channel"] = new JObject { ["id"] = TeamId };
            channelData["team"] = new JObject { ["id"] = TeamId, ["name"] = "Équipe Boutique", ["aadGroupId"] = "0f4c1e7d-2b8a-4c6e-9d3f-7a1b5c9e2d40" };
        }

        var (country, timezone) = Locale.StartsWith("fr", StringComparison.Ordinal) ? ("FR", "Europe/Paris") : ("US", "America/New_York");
        var id = NextMessageId();
        return new JObject
        {
            ["type"] = type,
            ["id"] = id.ToString(),
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("o"),
            ["localTimestamp"] = DateTimeOffset.Now.ToString("o"),
            ["serviceUrl"] = ServiceUrl,
            ["channelId"] = "msteams",
            ["from"] = User.DeepClone(),
            ["conversation"] = conversation,
            ["recipient"] = Bot.DeepClone(),
            ["entities"] = new JArray(new JObject
            {
                ["locale"] = Locale,
                ["country"] = country,
                ["platform"] = "Web",
                ["timezone"] = timezone,
                ["type"] = "clientInfo",
            }),
            ["channelData"] = channelData,
            ["locale"] = Locale,
        };
    }

    private static long NextMessageId() => Interlocked.Increment(ref messageIds);
}
