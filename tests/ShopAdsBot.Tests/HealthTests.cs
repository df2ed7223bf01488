using Microsoft.AspNetCore.Mvc.Testing;

namespace ShopAdsBot.Tests;

public class HealthTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task HealthzAnswers200()
    {
        var response = await factory.CreateClient().GetAsync("/healthz");
        Assert.True(response.IsSuccessStatusCode);
    }
}
