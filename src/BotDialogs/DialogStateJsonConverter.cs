using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BotDialogs;

/// <summary>
/// Writes the dialog stack as small, plain JSON (<c>{"dialogStack":[{"id":"main","state":{...}}]}</c>) even when the
/// storage serialiser adds .NET type names (MemoryStorage and the Azure storages use TypeNameHandling.All): the
/// stored state then names no .NET type, stays readable, and survives renaming a class.
/// </summary>
public sealed class DialogStateJsonConverter : JsonConverter<DialogState>
{
    private static readonly JsonSerializer Plain = JsonSerializer.CreateDefault(new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.None });

    public override void WriteJson(JsonWriter writer, DialogState? value, JsonSerializer serializer)
        => ToJson(value).WriteTo(writer);

    public override DialogState? ReadJson(JsonReader reader, Type objectType, DialogState? existingValue, bool hasExistingValue, JsonSerializer serializer)
        => reader.TokenType == JsonToken.Null ? null : FromJson(JToken.Load(reader));

    private static JObject ToJson(DialogState? state)
    {
        var stack = new JArray();
        foreach (var instance in state?.DialogStack ?? [])
        {
            var values = new JObject();
            foreach (var (key, value) in instance.State ?? new Dictionary<string, object>())
            {
                values[key] = value is null ? JValue.CreateNull() : JToken.FromObject(value, Plain);
            }

            stack.Add(new JObject { ["id"] = instance.Id, ["state"] = values });
        }

        return new JObject { ["dialogStack"] = stack };
    }

    private static DialogState FromJson(JToken token)
    {
        // A stored value of another shape is not silently read as an empty stack: the caller recovers and says so.
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
                        // Primitives come back as .NET values; objects stay JObject until a dialog reads them typed.
                        values[key] = value is JValue primitive ? primitive.Value! : value;
                    }
                }
            }

            state.DialogStack.Add(new DialogInstance { Id = entry.Value<string>("id") ?? string.Empty, State = values });
        }

        return state;
    }
}
