using System.Linq.Expressions;

namespace MayorsNetwork.Web.Pages.Staff.Committees;

/// <summary>Renames, describes, activates or retires a body; a stale form cannot overwrite a newer change.</summary>
public sealed class EditModel(PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock, IValidator<BodyInput> validator)
    : VersionedEditPageModel<Body, BodyInput>(db, users, clock)
{
    public string CurrentName { get; private set; } = "";

    public string Slug { get; private set; } = "";

    public Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken) => EditAsync(b => b.Slug == slug, cancellationToken);

    // The address never changes on a rename, so the slug finds the body again after a conflict.
    public Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken) => SaveAsync(b => b.Slug == slug, cancellationToken);

    protected override Expression<Func<Body, Guid>> VersionOf => b => b.Version;

    protected override string NameOf(Body row) => row.Name;

    protected override string? UpdatedByOf(Body row) => row.UpdatedBy;

    protected override void Stamp(Body row, DateTime atUtc, string by)
    {
        row.UpdatedAtUtc = atUtc;
        row.UpdatedBy = by;
    }

    protected override void Describe(Body row)
    {
        CurrentName = row.Name;
        Slug = row.Slug;
    }

    protected override BodyInput InputFrom(Body row) => BodyInput.From(row);

    protected override async Task<bool> TryApplyAsync(Body row, CancellationToken cancellationToken)
    {
        if (await Input.CheckAsync(validator, Db, row.Id, ModelState, cancellationToken) is not { } valid) return false;
        BodyInput.Apply(row, valid, Input);
        return true;
    }

    /// <summary>Another body took a name like this one between the check and the save (the unique slug index).</summary>
    protected override bool Refused(Body row, DbUpdateException exception)
    {
        ModelState.AddModelError("Input.Name", BodyInput.NameTaken(row.Name));
        return true;
    }

    protected override IActionResult Saved(Body row) => RedirectToPage("/Staff/Committees/Detail", new { slug = row.Slug });
}
