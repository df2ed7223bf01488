using BotDialogs.Tests.Support;
using Newtonsoft.Json.Linq;

namespace BotDialogs.Tests;

public class ConfirmPromptTests
{
    [Theory]
    [InlineData("oui", true)]
    [InlineData("Ouais !", true)]
    [InlineData("d'accord", true)]
    [InlineData("OK", true)]
    [InlineData("yes", true)]
    [InlineData("yep", true)]
    [InlineData("non", false)]
    [InlineData("pas du tout", false)]
    [InlineData("pas d'accord", false)]
    [InlineData("no", false)]
    [InlineData("nope", false)]
    public async Task FrenchAndEnglishAnswersEndThePrompt(string text, bool expected)
    {
        var client = new DialogTestClient(() => PromptHarness.Confirm());
        await client.Flow()
            .Send("bonjour").AssertReply(PromptHarness.Question)
            .Send(text).AssertReply($"confirm:{expected}")
            .StartTestAsync();
    }

    [Fact]
    public async Task CardSubmitValueIsRecognised()
    {
        var client = new DialogTestClient(() => PromptHarness.Confirm());
        await client.SendAsync("bonjour");
        var replies = await client.SubmitAsync(new JObject { ["choice"] = "no" });
        Assert.Equal("confirm:False", Assert.Single(replies).Text);
    }

    [Fact]
    public async Task DefaultStyleAddsYesNoButtonsInTheUsersLanguage()
    {
        var fr = new DialogTestClient(() => PromptHarness.Confirm(p => p.Style = Choices.ListStyle.Auto));
        Assert.Equal(new[] { "Oui", "Non" }, Assert.Single(await fr.SendAsync("bonjour")).SuggestedActions.Actions.Select(a => a.Title));
        var en = new DialogTestClient(() => PromptHarness.Confirm(p => p.Style = Choices.ListStyle.Auto), "en-US");
        Assert.Equal(new[] { "Yes", "No" }, Assert.Single(await en.SendAsync("hello")).SuggestedActions.Actions.Select(a => a.Title));
    }

    [Fact]
    public async Task EnglishRetryTextFollowsTheActivityLocale()
    {
        var client = new DialogTestClient(() => PromptHarness.Confirm(), "en-US");
        await client.Flow()
            .Send("hello").AssertReply(PromptHarness.Question)
            .Send("maybe").AssertReply("Sorry, I did not understand. Please answer yes or no.")
            .StartTestAsync();
    }
}
