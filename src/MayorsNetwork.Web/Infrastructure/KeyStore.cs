namespace MayorsNetwork.Web.Infrastructure;

/// <summary>Where the Data Protection key ring is kept (DataProtection:Store).</summary>
public enum KeyStore
{
    /// <summary>The DataProtectionKeys table of the portal's database.</summary>
    Database = 1,

    /// <summary>DataProtection:KeysFolder, shared by every instance.</summary>
    Folder = 2,
}
