using ShopAdsBot.Channels.WebChat;
using ShopAdsBot.Content;
using ShopAdsBot.Hosting;
using ShopAdsBot.Insights;
using ShopAdsBot.Recognition;

// `dotnet run --project src/ShopAdsBot -- diagrams` regenerates dialogs/README.md (the flow diagrams) and exits.
if (args.FirstOrDefault() == "diagrams")
{
    // The repository's dialogs/, not the copy in the build output.
    var root = ContentCatalog.LocateSourceRoot();
    FlowDiagram.WriteReadme(root);
    Console.WriteLine($"Wrote {Path.Combine(root, "dialogs", "README.md")}");
    return;
}

// `dotnet ShopAdsBot.dll compile-recognizer <file>` trains the recognizer on the content next to the app and saves it:
// the build runs it (ShopAdsBot.csproj), so that a new instance reads the model instead of training it.
if (args.FirstOrDefault() == "compile-recognizer" && args.Length == 2)
{
    var root = ContentCatalog.LocateRoot();
    var sources = RecognizerSources.Load(ContentCatalog.Load(root));
    RecognizerModelFile.Compile(sources, args[1]);
    Console.WriteLine($"Wrote {args[1]} ({new FileInfo(args[1]).Length / 1024} KB)");
    // The content has just passed the validator: a new instance that finds the same files need not validate them again.
    var stamp = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(args[1]))!, ContentStamp.FileName);
    ContentStamp.Write(root, stamp);
    Console.WriteLine($"Wrote {stamp}");
    return;
}

// Thin host, as in the BotBuilder samples: services are registered in Hosting/BotServices.cs,
// endpoints in Hosting/BotEndpoints.cs.
// The content starts loading before anything else: it is most of a start-up, and the host's own start runs meanwhile.
var content = new ContentLoading();
// Settings are read once, at start (a change of appsettings.json, or of App Service's settings, restarts the app). Not
// watching the settings files also spares every start a recursive watch of the content root: the repository, when the
// app is started from there.
var builder = WebApplication.CreateBuilder([.. args, "--hostBuilder:reloadConfigOnChange=false"]);
builder.Services.AddShopAdsBot(builder.Configuration, content);
builder.Services.AddWebChatChannel(builder.Configuration, builder.Environment);

var app = builder.Build();
app.UsePageSecurityHeaders();
// Kestrel starts while the content finishes loading; no request is served before it is validated (ContentGate).
var gate = ContentGate.Use(app);
app.MapShopAdsBot();
app.MapWebChatChannel();
app.MapInsights();
// app.Run(), then the problems that kept the bot from starting, if any: content that does not validate stops the app.
gate.Run();

/// <summary>Entry point, public so that tests can host the real app with WebApplicationFactory.</summary>
public partial class Program;
