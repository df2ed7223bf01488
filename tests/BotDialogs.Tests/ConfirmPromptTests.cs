using BotDialogs.Choices;
using BotDialogs.Tests.Support;

namespace BotDialogs.Tests;

public class ConfirmPromptTests
{
    [Theory]
    [InlineData("fr-FR", "oui", true)]
    [InlineData("fr-FR", "Ouais !", true)]
    [InlineData("fr-FR", "d'accord", true)]
    [InlineData("fr-FR", "non", false)]
    [InlineData("fr-FR", "1", true)]
    [InlineData("fr-FR", "2", false)]
    [InlineData("en-US", "yes", true)]
    [InlineData("en-US", "yep", true)]
    [InlineData("en-US", "no", false)]
    [InlineData("en-US", "nope", false)]
    public async Task AnswersInTheActivityLanguageEndThePrompt(string locale, string text, bool expected)
    {
        var client = new DialogTestClient(() => PromptHarness.Confirm(), locale);
        await client.Flow()
            .Send("bonjour").AssertReply(PromptHarness.Question)
            .Send(text).AssertReply($"confirm:{expected}")
            .StartTestAsync();
    }

    [Fact]
    public async Task AnAnswerWithBothYesAndNoIsAskedAgain()
    {
        var client = new DialogTestClient(() => PromptHarness.Confirm(), "en-US");
        await client.Flow()
            .Send("hello").AssertReply(PromptHarness.Question)
            .Send("yes and no").AssertReply(PromptHarness.Question)
            .StartTestAsync();
    }

    [Fact]
    public async Task SuggestedActionStyleAddsYesNoButtonsInTheUsersLanguage()
    {
        var fr = new DialogTestClient(() => PromptHarness.Confirm(p => p.Style = ListStyle.SuggestedAction));
        Assert.Equal(new[] { "Oui", "Non" }, Assert.Single(await fr.SendAsync("bonjour")).SuggestedActions.Actions.Select(a => a.Title));
        var en = new DialogTestClient(() => PromptHarness.Confirm(p => p.Style = ListStyle.SuggestedAction), "en-US");
        Assert.Equal(new[] { "Yes", "No" }, Assert.Single(await en.SendAsync("hello")).SuggestedActions.Actions.Select(a => a.Title));
    }

    [Fact]
    public async Task AutoStyleOnAChannelWithoutButtonsAddsAnInlineList()
    {
        var client = new DialogTestClient(() => PromptHarness.Confirm(p => p.Style = ListStyle.Auto), "en-US");
        Assert.Equal("Votre choix ? (1) Yes or (2) No", Assert.Single(await client.SendAsync("hello")).Text);
    }
}
