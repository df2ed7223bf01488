using Newtonsoft.Json;

namespace ShopAdsBot.Recognition;

/// <summary>The value of the Emulator's "Route" trace: a plain class, since anonymous objects serialise as {}.</summary>
public sealed class RouteTrace
{
    public RouteTrace() { }

    public RouteTrace(RouteResult route)
    {
        Branch = route.TopIntent;
        Score = Math.Round(route.Score, 4);
        Confidence = route.Confidence.ToString();
        Alternatives = new List<RouteAlternative>(3);
        for (var i = 0; i < route.Alternatives.Count && i < 3; i++)
            Alternatives.Add(new RouteAlternative { Branch = route.Alternatives[i].Branch, Score = Math.Round(route.Alternatives[i].Score, 4) });
    }

    [JsonProperty("branch")] public string Branch { get; set; } = ShopAdsRecognizer.NoneIntent;
    [JsonProperty("score")] public double Score { get; set; }
    [JsonProperty("confidence")] public string Confidence { get; set; } = "Low";
    [JsonProperty("alternatives")] public List<RouteAlternative> Alternatives { get; set; } = [];
}

public sealed class RouteAlternative
{
    [JsonProperty("branch")] public string Branch { get; set; } = string.Empty;
    [JsonProperty("score")] public double Score { get; set; }
}
