namespace BotDialogs.Tests;

public class SmokeTests
{
    private sealed class NamedDialog(string id) : Dialog(id);

    [Fact]
    public void DialogKeepsItsId() => Assert.Equal("main", new NamedDialog("main").Id);
}
