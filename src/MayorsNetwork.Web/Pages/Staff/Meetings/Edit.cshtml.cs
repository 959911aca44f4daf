using System.Linq.Expressions;
using MayorsNetwork.Domain.Meetings;

namespace MayorsNetwork.Web.Pages.Staff.Meetings;

/// <summary>Changes a meeting's dates, place or deadline; a stale form cannot overwrite a newer change.</summary>
public sealed class EditModel(PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock, IValidator<MeetingInput> validator)
    : VersionedEditPageModel<Meeting, MeetingInput>(db, users, clock)
{
    public int Id { get; private set; }

    public string CurrentTitle { get; private set; } = "";

    public Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) => EditAsync(m => m.Id == id, cancellationToken);

    public Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken) => SaveAsync(m => m.Id == id, cancellationToken);

    protected override Expression<Func<Meeting, Guid>> VersionOf => m => m.Version;

    protected override string NameOf(Meeting row) => row.Title;

    protected override string? UpdatedByOf(Meeting row) => row.UpdatedBy;

    protected override void Stamp(Meeting row, DateTime atUtc, string by)
    {
        row.UpdatedAtUtc = atUtc;
        row.UpdatedBy = by;
    }

    protected override void Describe(Meeting row)
    {
        Id = row.Id;
        CurrentTitle = row.Title;
    }

    protected override MeetingInput InputFrom(Meeting row) => MeetingInput.From(row);

    protected override Task<bool> TryApplyAsync(Meeting row, CancellationToken cancellationToken)
    {
        validator.Validate(Input).AddTo(ModelState);
        if (ModelState.IsValid) MeetingInput.Apply(row, Input.ToValid());
        return Task.FromResult(ModelState.IsValid);
    }

    protected override IActionResult Saved(Meeting row) => RedirectToPage("/Staff/Meetings/Detail", new { id = row.Id });
}
