namespace MayorsNetwork.Web.Infrastructure;

/// <summary>Where the Data Protection key ring is kept (DataProtection:Store).</summary>
public enum KeyStore
{
    /// <summary>The DataProtectionKeys table of the portal's own database: instances share it with nothing else to share.</summary>
    Database = 1,

    /// <summary>DataProtection:KeysFolder, which every instance must share (a volume, a network folder).</summary>
    Folder = 2,
}
