namespace BotDialogs.Compat.Tests.Dialogs;

public class UserProfile
{
    public string Transport { get; set; }

    public string Name { get; set; }

    public int Age { get; set; }
}

/// <summary>Options given to the profile dialog: they must come back as this type on every turn.</summary>
public class ProfileOptions
{
    public string Greeting { get; set; } = string.Empty;

    public int MinimumAge { get; set; }
}
