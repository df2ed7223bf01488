using Microsoft.Bot.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using ShopAdsBot.Content;
using ShopAdsBot.Storage;
using ShopAdsBot.Tests.Support;

namespace ShopAdsBot.Tests.Hosting;

/// <summary>
/// Turns that fail, through the real host and the real bot over the default SQLite storage: a storage fault is
/// apologised for and leaves the state as it was; any other failure resets the conversation so the next message works.
/// </summary>
public class TurnFaultTests
{
    private static readonly ContentCatalog Content = ContentCatalog.Load(ContentCatalog.LocateRoot());

    [Theory]
    [InlineData("fr-FR", "fr")]
    [InlineData("en-US", "en")]
    public async Task ALockedDatabaseGetsAnApologyAndTheNextTurnContinuesFromTheSavedStep(string locale, string language)
    {
        var logs = new LogRecorder();
        var path = Path.Combine(Directory.CreateTempSubdirectory("locked-").FullName, "state.db");
        // A short busy timeout so that the locked write gives up quickly (the product's default is 5 s).
        using var host = new BotHost { TestServices = s => s.AddSingleton<IStorage>(new SqliteStorage(path, TimeSpan.FromSeconds(1))).AddSingleton<ILoggerProvider>(logs) };
        var conversation = new HostConversation(host, "locked-" + language, locale);
        var flow = Content.Flows.Values.First(f => f.StartNode.IsQuestion && f.StartNode.Choices.Any(c => Content.Flow(f.Id).Node(c.Next).IsQuestion));
        var choice = flow.StartNode.Choices.First(c => flow.Node(c.Next).IsQuestion);
        var question = HostConversation.LastCard(await conversation.ClickAsync(HostConversation.Button(HostConversation.LastCard(await conversation.SayAsync("menu")), flow.Id)));

        JArray refused;
        using (var locker = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            locker.Open();
            using var begin = locker.CreateCommand();
            begin.CommandText = "BEGIN EXCLUSIVE";
            begin.ExecuteNonQuery();
            refused = await conversation.ClickAsync(HostConversation.Button(question, choice.Id));
        }

        // Only the apology (and, on the Emulator, the error trace): the replies of the turn that could not be saved were never sent.
        var apology = Assert.Single(refused, r => (string?)r["type"] != "trace");
        Assert.Equal(Content.Menu.Text("storageErrorMessage", language), (string?)apology["text"]);
        var logged = Assert.Single(logs.Entries, e => e.Level == LogLevel.Error && e.Exception is StorageUnavailableException);
        Assert.Equal(conversation.Id, logged.State["ConversationId"]);

        // Storage is back: the same click continues from the step that was saved before the failed turn.
        var next = HostConversation.LastCard(await conversation.ClickAsync(HostConversation.Button(question, choice.Id)));
        Assert.Equal((flow.Id, choice.Next), ((string?)next.SelectTokens("$..data.flow").First(), (string?)next.SelectTokens("$..data.node").First()));
    }

    [Fact]
    public async Task AnyOtherFailureResetsTheConversationSoTheNextMessageWorks()
    {
        var logs = new LogRecorder();
        using var host = new BotHost { TestServices = s => s.AddSingleton<ILoggerProvider>(logs) };
        var conversation = new HostConversation(host, "corrupt-state", "fr-FR");
        var menu = HostConversation.LastCard(await conversation.SayAsync("menu"));
        await conversation.ClickAsync(HostConversation.Button(menu, "connect-shop"));

        // A state this version of the bot cannot read (a type it does not have): every turn would fail on it.
        await ExecuteAsync(host.SqlitePath, "UPDATE state SET document = '{\"$type\":\"No.Such.Type, NoSuchAssembly\"}' WHERE key = 'emulator/conversations/corrupt-state'");

        var failed = await conversation.SayAsync("bonjour");
        Assert.Equal(Content.Menu.Text("errorMessage", "fr"), (string?)Assert.Single(failed, r => (string?)r["type"] == "message")["text"]);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Error && Equals(e.State.GetValueOrDefault("ConversationId"), "corrupt-state"));

        var works = await conversation.SayAsync("menu");
        Assert.DoesNotContain(works, r => (string?)r["text"] == Content.Menu.Text("errorMessage", "fr"));
        Assert.Contains(Content.Menu.Text("menuTitle", "fr"), HostConversation.LastCard(works).ToString());
    }

    private static async Task ExecuteAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
