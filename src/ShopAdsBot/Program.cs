using ShopAdsBot.Channels.WebChat;
using ShopAdsBot.Hosting;

// Thin host, as in the BotBuilder samples: services are registered in Hosting/BotServices.cs,
// endpoints in Hosting/BotEndpoints.cs.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddShopAdsBot(builder.Configuration);
builder.Services.AddWebChatChannel(builder.Configuration, builder.Environment);

var app = builder.Build();
app.MapShopAdsBot();
app.MapWebChatChannel();
app.Run();

/// <summary>Entry point, public so that tests can host the real app with WebApplicationFactory.</summary>
public partial class Program;
