using ShopAdsBot.Content;
using ShopAdsBot.Tests.Support;

namespace ShopAdsBot.Tests.Content;

/// <summary>
/// The stamp the build writes once the content has passed the validator (content.validated) spares a new instance the
/// validation only for those very files: any change to any of them means the content is validated again in full.
/// </summary>
public sealed class ContentStampTests : IDisposable
{
    private readonly TestContent content = new();
    private readonly string stamp = Path.Combine(Path.GetTempPath(), $"stamp-{Guid.NewGuid():N}");

    public void Dispose()
    {
        content.Dispose();
        File.Delete(stamp);
    }

    [Fact]
    public void TheBuildStampsTheContentNextToTheApp()
    {
        Assert.True(ContentStamp.Matches(AppOutput.Folder, Path.Combine(AppOutput.Folder, ContentStamp.FileName)));
    }

    [Fact]
    public void TheStampFitsTheContentItWasWrittenFor()
    {
        content.Load();
        ContentStamp.Write(content.Root, stamp);

        Assert.True(ContentStamp.Matches(content.Root, stamp));
    }

    [Theory]
    [InlineData("edit a flow")]
    [InlineData("add a file")]
    [InlineData("remove a file")]
    [InlineData("rename a file")]
    [InlineData("edit a seed")]
    public void AnyChangeToTheContentBreaksTheStamp(string change)
    {
        ContentStamp.Write(content.Root, stamp);

        switch (change)
        {
            case "edit a flow": content.EditNode("create-ad", "fix-a", n => n["id"] = "fix-z"); break;
            case "add a file": content.WriteText("cards/extra.json", "{}"); break;
            case "remove a file": content.Delete("cards/notice.json"); break;
            case "rename a file": File.Move(Path.Combine(content.Root, "cards/notice.json"), Path.Combine(content.Root, "cards/notice2.json")); break;
            case "edit a seed": content.WriteText(ContentCatalog.SeedFile, "Autre texte."); break;
        }

        Assert.False(ContentStamp.Matches(content.Root, stamp));
    }

    [Fact]
    public void NoStampOrADamagedOneMatchesNothing()
    {
        Assert.False(ContentStamp.Matches(content.Root, stamp));
        File.WriteAllBytes(stamp, [1, 2, 3]);
        Assert.False(ContentStamp.Matches(content.Root, stamp));
    }
}
