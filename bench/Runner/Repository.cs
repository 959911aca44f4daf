namespace MayorsNetwork.Bench;

/// <summary>The checkout a bench tool runs from.</summary>
public static class Repository
{
    /// <summary>The folder above the build output that holds MayorsNetwork.sln.</summary>
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MayorsNetwork.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("Run the bench from inside the repository (MayorsNetwork.sln not found above the build output).");
    }
}
