using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace MayorsNetwork.Web.Infrastructure;

/// <summary>
/// The keys folder, readable by the portal's own user only: on Unix the folder is 0700 and each key file 0600, and a
/// folder or file that exists with wider modes (made by an older version, or by hand) is tightened. Anyone who can read
/// a key can forge a sign-in cookie, so the folder is what guards it; the file modes are a second line.
/// </summary>
public sealed class OwnerOnlyKeysFolder : FileSystemXmlRepository
{
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public OwnerOnlyKeysFolder(DirectoryInfo directory, ILoggerFactory loggerFactory)
        : base(directory, loggerFactory)
    {
        if (OperatingSystem.IsWindows())
        {
            directory.Create();
            return;
        }

        // Created with the mode, not chmod-ed after: there is no moment at which the folder is open to others.
        if (!directory.Exists) System.IO.Directory.CreateDirectory(directory.FullName, FolderMode);
        Tighten();
    }

    public override void StoreElement(XElement element, string friendlyName)
    {
        base.StoreElement(element, friendlyName);
        if (!OperatingSystem.IsWindows()) Tighten();
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private void Tighten()
    {
        if (File.GetUnixFileMode(Directory.FullName) != FolderMode) File.SetUnixFileMode(Directory.FullName, FolderMode);
        foreach (var file in Directory.EnumerateFiles("*.xml"))
        {
            if (file.UnixFileMode != FileMode) file.UnixFileMode = FileMode;
        }
    }
}
