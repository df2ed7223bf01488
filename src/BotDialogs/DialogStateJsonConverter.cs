using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BotDialogs;

/// <summary>
/// Writes the dialog stack as <c>{"dialogStack":[{"id":"main","state":{...}}]}</c> whatever serializer settings the
/// storage uses, and gives every dialog its state values back with their .NET types on the next turn, as
/// Microsoft.Bot.Builder.Dialogs does over MemoryStorage and the Azure storages (TypeNameHandling.All). Strings, numbers,
/// booleans and JSON objects (JObject) are written as they are; any other object carries its "$type", so
/// <c>(MyOptions)stepContext.Options</c> and <c>(PromptOptions)state["options"]</c> work on every turn, with any storage.
/// </summary>
internal sealed class DialogStateJsonConverter : JsonConverter<DialogState>
{
    // The stored state is the bot's own: only this converter reads the type names it wrote.
    private static readonly JsonSerializer Typed = JsonSerializer.Create(new JsonSerializerSettings
    {
        TypeNameHandling = TypeNameHandling.Auto,
        NullValueHandling = NullValueHandling.Ignore,
        MaxDepth = null,
    });

    // Written straight to the writer (no intermediate JObject): BotState serializes the state to hash it when it is
    // read and when it is saved, and the storage serializes it again, so this runs several times a turn.
    public override void WriteJson(JsonWriter writer, DialogState? value, JsonSerializer serializer)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("dialogStack");
        writer.WriteStartArray();
        foreach (var instance in value?.DialogStack ?? [])
        {
            writer.WriteStartObject();
            writer.WritePropertyName("id");
            writer.WriteValue(instance.Id);
            writer.WritePropertyName("state");
            writer.WriteStartObject();
            foreach (var (key, stateValue) in instance.State ?? new Dictionary<string, object>())
            {
                writer.WritePropertyName(key);
                WriteValue(writer, stateValue);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public override DialogState? ReadJson(JsonReader reader, Type objectType, DialogState? existingValue, bool hasExistingValue, JsonSerializer serializer)
        => reader.TokenType == JsonToken.Null ? null : FromJson(JToken.Load(reader));

    private static void WriteValue(JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNull();
                break;
            case JToken token:
                token.WriteTo(writer);
                break;
            default:
                Typed.Serialize(writer, value, typeof(object));
                break;
        }
    }

    private static DialogState FromJson(JToken token)
    {
        if (token is not JObject json || json["dialogStack"] is not JArray stack)
        {
            throw new JsonSerializationException("Stored dialog state is not {\"dialogStack\": [...]}.");
        }

        var state = new DialogState();
        foreach (var entry in stack.OfType<JObject>())
        {
            var values = new Dictionary<string, object>();
            if (entry["state"] is JObject stored)
            {
                foreach (var (key, value) in stored)
                {
                    if (value is not null && value.Type != JTokenType.Null)
                    {
                        values[key] = value switch
                        {
                            JValue primitive => primitive.Value!,
                            JObject obj when obj["$type"] is null => obj,
                            _ => value.ToObject<object>(Typed)!,
                        };
                    }
                }
            }

            state.DialogStack.Add(new DialogInstance { Id = entry.Value<string>("id") ?? string.Empty, State = values });
        }

        return state;
    }
}
