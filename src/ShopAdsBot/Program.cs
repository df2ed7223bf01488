using ShopAdsBot.Channels.WebChat;
using ShopAdsBot.Content;
using ShopAdsBot.Hosting;
using ShopAdsBot.Insights;

// `dotnet run --project src/ShopAdsBot -- diagrams` regenerates dialogs/README.md (the flow diagrams) and exits.
if (args.FirstOrDefault() == "diagrams")
{
    // The repository's dialogs/, not the copy in the build output.
    var root = ContentCatalog.LocateSourceRoot();
    FlowDiagram.WriteReadme(root);
    Console.WriteLine($"Wrote {Path.Combine(root, "dialogs", "README.md")}");
    return;
}

// Thin host, as in the BotBuilder samples: services are registered in Hosting/BotServices.cs,
// endpoints in Hosting/BotEndpoints.cs.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddShopAdsBot(builder.Configuration);
builder.Services.AddWebChatChannel(builder.Configuration, builder.Environment);

var app = builder.Build();
app.UsePageSecurityHeaders();
app.MapShopAdsBot();
app.MapWebChatChannel();
app.MapInsights();
app.Run();

/// <summary>Entry point, public so that tests can host the real app with WebApplicationFactory.</summary>
public partial class Program;
