using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using MayorsNetwork.Domain.Meetings;
using MayorsNetwork.Infrastructure.Pdf;
using Microsoft.Extensions.Caching.Memory;

namespace MayorsNetwork.Web.Services;

/// <summary>
/// The policy reports, rendered once per change and kept (issue 11, defect 5). The report is public and drawing it is
/// the costly part, so it is not drawn on every anonymous GET: the bytes are kept in memory under a fingerprint of
/// everything the report prints (the meeting's title, dates and place, and each adopted resolution's title, sponsor,
/// confirmed cosponsors, counts and text). Any change to those gives a new fingerprint and a new report; anything
/// else about the request (a query string such as <c>?x=random</c>) does not matter, unlike an output cache keyed by
/// URL. One report is drawn at a time, so that many requests for reports not yet kept take one core, not all.
/// </summary>
public sealed class PolicyReportStore(IOptions<MembershipOptions> options, TimeProvider clock, ILogger<PolicyReportStore> logger) : IDisposable
{
    /// <summary>Bytes of PDF kept at most; past this the least used reports are dropped and drawn again when asked for.</summary>
    public const long CacheBytes = 64L * 1024 * 1024;

    private readonly MemoryCache _reports = new(new MemoryCacheOptions { SizeLimit = CacheBytes });
    private readonly ConcurrentDictionary<int, string> _latestKeys = new();
    private readonly ConcurrentDictionary<int, int> _renders = new();
    private readonly SemaphoreSlim _drawing = new(1, 1);

    /// <summary>How many times the report of a meeting has been drawn by this instance (tests count them).</summary>
    public int RenderCount(int meetingId) => _renders.GetValueOrDefault(meetingId);

    /// <summary>The report of <paramref name="meeting"/> with its <paramref name="adopted"/> resolutions: the kept copy if nothing it prints changed.</summary>
    public async Task<byte[]> GetAsync(Meeting meeting, IReadOnlyList<AdoptedResolution> adopted, CancellationToken cancellationToken)
    {
        var dates = meeting.StartsOn.ToString("MMMM d, yyyy", PdfLook.Us) +
                    (meeting.EndsOn == meeting.StartsOn ? "" : " – " + meeting.EndsOn.ToString("MMMM d, yyyy", PdfLook.Us));
        var whenAndWhere = $"{dates} · {meeting.Place}";
        var associationName = options.Value.AssociationName;
        var key = Fingerprint(meeting.Id, meeting.Title, whenAndWhere, associationName, adopted);
        if (_reports.TryGetValue(key, out byte[]? kept) && kept is not null) return kept;

        await _drawing.WaitAsync(cancellationToken);
        try
        {
            // Another request may have drawn it while this one waited.
            if (_reports.TryGetValue(key, out kept) && kept is not null) return kept;
            var started = Stopwatch.GetTimestamp();
            var pdf = PolicyReportPdf.Render(meeting.Title, whenAndWhere, adopted, associationName, clock.GetUtcNow().UtcDateTime);
            _renders.AddOrUpdate(meeting.Id, 1, (_, n) => n + 1);
            logger.LogInformation("Rendered the policy report of meeting {MeetingId}: {Resolutions} resolutions, {Bytes} bytes in {Milliseconds} ms",
                meeting.Id, adopted.Count, pdf.Length, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            _reports.Set(key, pdf, new MemoryCacheEntryOptions { Size = pdf.Length });
            // The meeting's previous report is out of date: drop it now rather than when memory runs short.
            if (_latestKeys.TryGetValue(meeting.Id, out var previous) && previous != key) _reports.Remove(previous);
            _latestKeys[meeting.Id] = key;
            return pdf;
        }
        finally
        {
            _drawing.Release();
        }
    }

    /// <summary>A SHA-256 of everything the report prints but the day it was produced, with the meeting's id in front.</summary>
    private static string Fingerprint(int meetingId, string title, string whenAndWhere, string associationName, IReadOnlyList<AdoptedResolution> adopted)
    {
        var printed = JsonSerializer.SerializeToUtf8Bytes(new { title, whenAndWhere, associationName, adopted });
        return $"{meetingId}:{Convert.ToHexString(SHA256.HashData(printed))}";
    }

    public void Dispose()
    {
        _reports.Dispose();
        _drawing.Dispose();
    }
}
