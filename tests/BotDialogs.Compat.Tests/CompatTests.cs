using BotDialogs.Compat.Tests.Dialogs;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;

namespace BotDialogs.Compat.Tests;

/// <summary>
/// The sample dialogs, run as a bot runs them: each turn a new ConversationState over the same MemoryStorage (so every
/// later turn reads what the storage kept), <c>Dialog.RunAsync</c> with a DialogState accessor, then SaveChangesAsync.
/// The expected replies are those of Microsoft.Bot.Builder.Dialogs on TestAdapter's channel ("test", which supports
/// neither suggested actions nor card buttons, so choices are written inline).
/// </summary>
public class CompatTests
{
    private readonly MemoryStorage storage = new();

    private TestFlow Flow(string locale = "en-US")
    {
        var adapter = new TestAdapter(TestAdapter.CreateConversation(nameof(CompatTests))) { Locale = locale };
        return new TestFlow(adapter, async (turnContext, cancellationToken) =>
        {
            // The samples' DialogBot: state and dialogs built for the turn, RunAsync, then save.
            var conversationState = new ConversationState(storage);
            Dialog dialog = new MainDialog(new UserProfileDialog(conversationState));
            await dialog.RunAsync(turnContext, conversationState.CreateProperty<DialogState>("DialogState"), cancellationToken);
            await conversationState.SaveChangesAsync(turnContext, false, cancellationToken);
        });
    }

    [Fact]
    public async Task TheProfileWaterfallAsksEachPromptAndCastsResultsAndOptions()
        => await Flow()
            .Send("hi")
            .AssertReply("Hello, let me ask you a few questions.")
            .AssertReply("Please enter your mode of transport. (1) Car, (2) Bus, or (3) Bicycle")
            .Send("bus")
            .AssertReply("Please enter your name.")
            .Send("Alice")
            .AssertReply("Thanks Alice.")
            .AssertReply("Would you like to give your age? (1) Yes or (2) No")
            .Send("yes")
            .AssertReply("Please enter your age.")
            .Send("42")
            .AssertReply("I have your mode of transport as Bus and your name as Alice and your age as 42.")
            .AssertReply("Profile saved for Alice.")
            .StartTestAsync();

    [Fact]
    public async Task AChoiceIsAlsoRecognisedByItsNumberAndConfirmByItsNumber()
        => await Flow()
            .Send("hi").AssertReply("Hello, let me ask you a few questions.").AssertReply(_ => { })
            .Send("3").AssertReply("Please enter your name.")
            .Send("Bob").AssertReply("Thanks Bob.").AssertReply(_ => { })
            .Send("2").AssertReply("I have your mode of transport as Bicycle and your name as Bob.")
            .StartTestAsync();

    [Fact]
    public async Task AnUnrecognisedChoiceIsAskedAgainUntilAnswered()
        => await Flow()
            .Send("hi").AssertReply(_ => { }).AssertReply(_ => { })
            .Send("plane").AssertReply("Please enter your mode of transport. (1) Car, (2) Bus, or (3) Bicycle")
            .Send("boat").AssertReply("Please enter your mode of transport. (1) Car, (2) Bus, or (3) Bicycle")
            .Send("train").AssertReply("Please enter your mode of transport. (1) Car, (2) Bus, or (3) Bicycle")
            .Send("car").AssertReply("Please enter your name.")
            .StartTestAsync();

    [Fact]
    public async Task TheValidatorRejectsWithTheRetryPromptUntilItAccepts()
        => await Flow()
            .Send("hi").AssertReply(_ => { }).AssertReply(_ => { })
            .Send("car").AssertReply(_ => { })
            .Send("Carol").AssertReply(_ => { }).AssertReply(_ => { })
            .Send("yes").AssertReply("Please enter your age.")
            .Send("twelve").AssertReply("The value entered must be a whole number of at least 18.")
            .Send("12").AssertReply("The value entered must be a whole number of at least 18.")
            .Send("30").AssertReply("I have your mode of transport as Car and your name as Carol and your age as 30.")
            .StartTestAsync();

    [Fact]
    public async Task HelpAnswersAndTheStepWaitsWithoutARetry()
        => await Flow()
            .Send("hi").AssertReply(_ => { }).AssertReply(_ => { })
            .Send("help").AssertReply(a => Assert.Equal(("Show help here", InputHints.ExpectingInput), (a.AsMessageActivity().Text, a.AsMessageActivity().InputHint)))
            .Send("bus").AssertReply("Please enter your name.")
            .StartTestAsync();

    [Fact]
    public async Task CancelEndsTheWholeDialog()
        => await Flow()
            .Send("hi").AssertReply(_ => { }).AssertReply(_ => { })
            .Send("car").AssertReply("Please enter your name.")
            .Send("cancel").AssertReply("Cancelling...")
            .Send("hi again").AssertReply("Hello, let me ask you a few questions.")
            .StartTestAsync();

    [Fact]
    public async Task PromptsFollowTheActivityLanguage()
        => await Flow("fr-FR")
            .Send("hi").AssertReply(_ => { }).AssertReply("Please enter your mode of transport. (1) Car, (2) Bus, ou (3) Bicycle")
            .Send("car").AssertReply(_ => { })
            .Send("Zoé").AssertReply(_ => { }).AssertReply("Would you like to give your age? (1) Oui ou (2) Non")
            .Send("non").AssertReply("I have your mode of transport as Car and your name as Zoé.")
            .StartTestAsync();

    [Fact]
    public async Task ASecondDialogWithTheSameIdIsRenamedNotRejected()
    {
        var set = new DialogSet();
        var first = new TextPrompt("ask");
        var second = new TextPrompt("ask");
        set.Add(first).Add(second).Add(first);
        Assert.Equal("ask2", second.Id);
        Assert.Same(second, set.Find("ask2"));
        Assert.Equal(2, set.GetDialogs().Count());
    }
}
