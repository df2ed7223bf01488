using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ShopAdsBot.Dialogs;

/// <summary>
/// Where a seller is in a troubleshooting flow: the branch and the node. It is the FlowDialog's options,
/// persisted as plain JSON on the dialog stack ({"branch": "...", "node": "..."}), and the value of the "Flow" trace.
/// </summary>
public sealed class FlowPosition
{
    public FlowPosition(string branch, string node)
    {
        Branch = branch;
        Node = node;
    }

    [JsonProperty("branch")]
    public string Branch { get; }

    [JsonProperty("node")]
    public string Node { get; }

    public JObject ToJson() => new() { ["branch"] = Branch, ["node"] = Node };

    /// <summary>Reads a position from a dialog's options as stored (JObject) or as passed in (FlowPosition).</summary>
    public static FlowPosition? From(object? options) => options switch
    {
        FlowPosition position => position,
        // Stored state is read defensively: a value of the wrong shape is "no position", never an exception.
        JObject json when json["branch"] is JValue { Type: JTokenType.String } branch && json["node"] is JValue { Type: JTokenType.String } node
            => new FlowPosition((string)branch!, (string)node!),
        _ => null,
    };
}
