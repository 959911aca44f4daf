namespace MayorsNetwork.Web.Infrastructure;

/// <summary>Tags of cached pages; <see cref="PublicPageEviction"/> evicts a tag when a save changes what its pages show.</summary>
public static class CacheTags
{
    /// <summary>On every cached page: evicting it empties the cache.</summary>
    public const string AllPublicPages = "public";

    public const string Home = "home";
    public const string Dues = "dues";
    public const string Committees = "committees";
    public const string Meetings = "meetings";

    /// <summary>The member directory: evicted whenever this instance saves a membership or a government.</summary>
    public const string Members = "members";

    /// <summary>Results of closed votes (open votes are never stored).</summary>
    public const string Votes = "votes";

    public static readonly IReadOnlyList<string> Pages = [Home, Dues, Committees, Meetings, Members, Votes];

    /// <summary>The output cache policy of pages with this tag (policy names are the tags).</summary>
    public const string HomePolicy = Home, DuesPolicy = Dues, CommitteesPolicy = Committees, MeetingsPolicy = Meetings, MembersPolicy = Members, VotesPolicy = Votes;
}
