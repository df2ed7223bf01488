using System.Net;
using ShopAdsBot.Tests.Support;

namespace ShopAdsBot.Tests.Hosting;

/// <summary>With MicrosoftAppId set (deployed), unauthenticated or forged requests get 401, never 500.</summary>
public class AuthenticationTests : IClassFixture<AuthenticationTests.AuthenticatedHost>
{
    public sealed class AuthenticatedHost : BotHost
    {
        public AuthenticatedHost()
        {
            HostEnvironment = "Production";
            Settings = new Dictionary<string, string?>
            {
                ["MicrosoftAppType"] = "MultiTenant",
                ["MicrosoftAppId"] = "00000000-0000-0000-0000-000000000001",
                ["MicrosoftAppPassword"] = "not-a-real-secret",
            };
        }
    }

    private readonly AuthenticatedHost host;

    public AuthenticationTests(AuthenticatedHost host) => this.host = host;

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer not-a-jwt")]
    [InlineData("Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task RequestsWithoutAValidTokenGet401(string? authorization)
    {
        var client = host.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(ActivityJson.Message("bonjour").ToString(), System.Text.Encoding.UTF8, "application/json"),
        };
        if (authorization != null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
