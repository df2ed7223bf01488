using BotDialogs.Choices;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace BotDialogs;

/// <summary>The plain, stored form of <see cref="PromptOptions"/>: choices (value, title, synonyms), style, locale, reference.</summary>
internal static class PersistedPromptOptions
{
    public static JObject ToJson(PromptOptions options)
    {
        var json = new JObject();
        if (options.Choices is { Count: > 0 } choices)
        {
            json["choices"] = new JArray(choices.Select(ChoiceToJson));
        }

        if (options.Style is { } style)
        {
            json["style"] = style.ToString();
        }

        if (options.Locale is { } locale)
        {
            json["locale"] = locale;
        }

        if (options.Reference is { } reference)
        {
            json["reference"] = reference.DeepClone();
        }

        if (StateValues.ToPlain(options.Validations) is { } validations)
        {
            json["validations"] = JToken.FromObject(validations);
        }

        return json;
    }

    public static PromptOptions FromJson(object? stored, string dialogId)
    {
        if (stored is null)
        {
            throw new DialogStateRecoveryException($"Prompt '{dialogId}' has no stored options.", dialogId);
        }

        try
        {
            var json = stored as JObject ?? JObject.FromObject(stored);
            return new PromptOptions
            {
                Choices = (json["choices"] as JArray)?.OfType<JObject>().Select(ChoiceFromJson).ToList(),
                Style = json.Value<string>("style") is { } style ? Enum.Parse<ListStyle>(style) : null,
                Locale = json.Value<string>("locale"),
                Reference = json["reference"] as JObject,
                Validations = json["validations"],
            };
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or Newtonsoft.Json.JsonException)
        {
            throw new DialogStateRecoveryException($"Prompt '{dialogId}' has stored options of an unknown shape.", dialogId, e);
        }
    }

    private static JObject ChoiceToJson(Choice choice)
    {
        var json = new JObject { ["value"] = choice.Value };
        if (choice.Action?.Title is { } title)
        {
            json["title"] = title;
        }

        if (choice.Synonyms is { Count: > 0 } synonyms)
        {
            json["synonyms"] = new JArray(synonyms);
        }

        return json;
    }

    private static Choice ChoiceFromJson(JObject json) => new()
    {
        Value = json.Value<string>("value") ?? string.Empty,
        Action = json.Value<string>("title") is { } title ? new CardAction { Type = ActionTypes.ImBack, Title = title, Value = title } : null,
        Synonyms = (json["synonyms"] as JArray)?.Select(t => t.ToString()).ToList(),
    };
}
