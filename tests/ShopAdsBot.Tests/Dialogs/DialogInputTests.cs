using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

using ShopAdsBot.Dialogs.Input;

namespace ShopAdsBot.Tests.Dialogs;

public class DialogInputTests
{
    private static Activity Message(string? text, object? value) => new(ActivityTypes.Message) { Text = text, Value = value };

    [Fact]
    public void TypedTextIsTrimmed()
    {
        var input = DialogInput.FromActivity(Message("  Bonjour  ", null));
        Assert.Equal("Bonjour", input.Text);
        Assert.False(input.IsSubmit);
        Assert.Null(input.ChoiceValue);
    }

    [Fact]
    public void SubmitObjectWithoutTextGivesItsChoice()
    {
        var input = DialogInput.FromActivity(Message(null, new JObject { ["flow"] = "f", ["node"] = "n", ["choice"] = "c" }));
        Assert.Null(input.Text);
        Assert.True(input.IsSubmit);
        Assert.Equal("c", input.ChoiceValue);
        Assert.Equal("n", (string?)input.Value!["node"]);
    }

    [Fact]
    public void MessageBackValueAsJsonStringIsParsed()
    {
        var input = DialogInput.FromActivity(Message("Oui", "{\"choice\":\"yes\",\"node\":\"n\"}"));
        Assert.Equal("yes", input.ChoiceValue);
        Assert.Equal("Oui", input.Text);
        Assert.Equal("n", (string?)input.Value!["node"]);
    }

    [Fact]
    public void PlainStringValueIsTheChoice()
        => Assert.Equal("create-ad", DialogInput.FromActivity(Message("", new JValue("create-ad"))).ChoiceValue);

    [Fact]
    public void ChoiceKeyIsConfigurable()
        => Assert.Equal("x", DialogInput.FromActivity(Message(null, new JObject { ["answer"] = "x" }), "answer").ChoiceValue);

    [Fact]
    public void AnonymousObjectValueIsReadAsJson()
        => Assert.Equal("c", DialogInput.FromActivity(Message(null, new { choice = "c" })).ChoiceValue);

    [Fact]
    public void BooleanValueBecomesLowerCaseText()
        => Assert.Equal("true", DialogInput.FromActivity(Message(null, new JObject { ["choice"] = true })).ChoiceValue);

    [Fact]
    public void NonMessageActivityIsEmpty()
        => Assert.True(DialogInput.FromActivity(new Activity(ActivityTypes.ConversationUpdate)).IsEmpty);

    [Fact]
    public void BrokenJsonStringIsKeptAsAPlainValue()
        => Assert.Equal("{oops", DialogInput.FromActivity(Message(null, "{oops")).ChoiceValue);

    // Web Chat and the Emulator post a button's whole data; Teams posts the msteams messageBack value instead.
    [Fact]
    public void MessageBackValueInsideTheDataIsReadAsTeamsSendsIt()
    {
        var data = new JObject
        {
            ["hidden"] = "kept",
            ["choice"] = "from-data",
            ["msteams"] = new JObject { ["type"] = "messageBack", ["displayText"] = "Oui", ["value"] = new JObject { ["choice"] = "yes", ["node"] = "n" } },
        };

        var input = DialogInput.FromActivity(Message(null, data));

        Assert.Equal("yes", input.ChoiceValue);
        Assert.Equal("n", (string?)input.Value!["node"]);
        Assert.Equal("kept", (string?)input.Value["hidden"]);
        Assert.Null(input.Value["msteams"]);
    }

    [Fact]
    public void MessageBackValueWrittenAsAJsonStringIsReadToo()
    {
        var data = new JObject { ["msteams"] = new JObject { ["type"] = "messageBack", ["value"] = "{\"choice\": \"no\"}" } };
        Assert.Equal("no", DialogInput.FromActivity(Message(null, data)).ChoiceValue);
    }

    [Fact]
    public void OtherMsteamsActionsLeaveTheDataAsItIs()
    {
        var data = new JObject { ["choice"] = "c", ["msteams"] = new JObject { ["type"] = "imBack", ["value"] = "texte" } };
        var input = DialogInput.FromActivity(Message(null, data));
        Assert.Equal("c", input.ChoiceValue);
        Assert.NotNull(input.Value!["msteams"]);
    }
}
