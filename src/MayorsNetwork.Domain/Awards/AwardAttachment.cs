namespace MayorsNetwork.Domain.Awards;

/// <summary>The application's PDF as received: its file name and size (the bytes themselves are stored apart).</summary>
public sealed record AwardAttachment(string FileName, long Bytes);
