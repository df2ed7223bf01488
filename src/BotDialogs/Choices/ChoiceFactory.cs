using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;

namespace BotDialogs.Choices;

/// <summary>Shows a list of choices in a message: inline text, numbered list, suggested actions or hero card.</summary>
public static class ChoiceFactory
{
    // Microsoft.Bot.Builder.Dialogs' channel rules: longer titles do not fit a button.
    private const int MaxActionTitleLength = 20;

    /// <summary>The style the channel shows best (suggested actions, else a hero card, else inline or a list).</summary>
    public static IMessageActivity ForChannel(string channelId, IList<Choice> list, string? text = null, string? speak = null, ChoiceFactoryOptions? options = null)
    {
        list ??= [];
        var longTitles = list.Any(c => Title(c).Length > MaxActionTitleLength);
        if (!longTitles && SupportsSuggestedActions(channelId ?? string.Empty, list.Count))
        {
            return SuggestedAction(list, text, speak);
        }

        if (!longTitles && SupportsCardActions(channelId ?? string.Empty, list.Count))
        {
            return HeroCard(list, text, speak);
        }

        return !longTitles && list.Count <= 3 ? Inline(list, text, speak, options) : List(list, text, speak, options);
    }

    /// <summary>"text (1) Red, (2) Green, or (3) Blue".</summary>
    public static Activity Inline(IList<Choice> choices, string? text = null, string? speak = null, ChoiceFactoryOptions? options = null)
    {
        choices ??= [];
        var separator = options?.InlineSeparator ?? ", ";
        var or = options?.InlineOr ?? " or ";
        var orMore = options?.InlineOrMore ?? ", or ";
        var numbers = options?.IncludeNumbers ?? true;

        var builder = new StringBuilder(text).Append(' ');
        var connector = string.Empty;
        for (var index = 0; index < choices.Count; index++)
        {
            builder.Append(connector);
            if (numbers)
            {
                builder.Append('(').Append(index + 1).Append(") ");
            }

            builder.Append(Title(choices[index]));
            connector = index == choices.Count - 2 ? (index == 0 ? or : orMore) : separator;
        }

        return MessageFactory.Text(builder.ToString(), speak, InputHints.ExpectingInput);
    }

    /// <summary>The text, then one numbered choice per line.</summary>
    public static Activity List(IList<Choice> choices, string? text = null, string? speak = null, ChoiceFactoryOptions? options = null)
    {
        choices ??= [];
        var numbers = options?.IncludeNumbers ?? true;
        var builder = new StringBuilder(text).Append("\n\n   ");
        var connector = string.Empty;
        for (var index = 0; index < choices.Count; index++)
        {
            builder.Append(connector).Append(numbers ? $"{index + 1}. " : "- ").Append(Title(choices[index]));
            connector = "\n   ";
        }

        return MessageFactory.Text(builder.ToString(), speak, InputHints.ExpectingInput);
    }

    /// <summary>The choices as suggested actions (each choice's Action, else an imBack of its value).</summary>
    public static IMessageActivity SuggestedAction(IList<Choice> choices, string? text = null, string? speak = null)
        => MessageFactory.SuggestedActions(ExtractActions(choices), text, speak, InputHints.ExpectingInput);

    /// <summary>The choices as the buttons of a hero card.</summary>
    public static IMessageActivity HeroCard(IList<Choice> choices, string? text = null, string? speak = null)
        => MessageFactory.Attachment(new HeroCard(text: text, buttons: ExtractActions(choices)).ToAttachment(), null, speak, InputHints.ExpectingInput);

    public static IList<Choice> ToChoices(IList<string> choices)
        => choices is null ? [] : choices.Select(choice => new Choice { Value = choice }).ToList();

    private static string Title(Choice choice)
        => choice.Action is { Title: { Length: > 0 } title } ? title : choice.Value;

    private static List<CardAction> ExtractActions(IList<Choice>? choices)
        => (choices ?? []).Select(c => c.Action ?? new CardAction { Type = ActionTypes.ImBack, Value = c.Value, Title = c.Value }).ToList();

    private static bool SupportsSuggestedActions(string channelId, int count) => channelId switch
    {
        Channels.Facebook or Channels.Skype => count <= 10,
        Channels.Line => count <= 13,
        Channels.Telegram or Channels.Emulator or Channels.Directline or Channels.DirectlineSpeech or Channels.Webchat => count <= 100,
        _ => false,
    };

    private static bool SupportsCardActions(string channelId, int count) => channelId switch
    {
        Channels.Facebook or Channels.Skype => count <= 3,
        Channels.Msteams => count <= 50,
        Channels.Line => count <= 99,
        Channels.Slack or Channels.Telegram or Channels.Emulator or Channels.Directline or Channels.DirectlineSpeech or Channels.Webchat => count <= 100,
        _ => false,
    };
}
