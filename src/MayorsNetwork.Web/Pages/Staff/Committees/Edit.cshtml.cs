using FluentValidation;
using MayorsNetwork.Domain.Committees;
using MayorsNetwork.Infrastructure.Data;
using MayorsNetwork.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MayorsNetwork.Web.Pages.Staff.Committees;

/// <summary>Renames, describes, activates or retires a body; a stale form cannot overwrite a newer change.</summary>
public sealed class EditModel(PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock, IValidator<BodyInput> validator)
    : PortalPageModel
{
    [BindProperty]
    public BodyInput Input { get; set; } = new();

    /// <summary>The version of the body the staff member is editing.</summary>
    [BindProperty]
    public Guid Version { get; set; }

    public string CurrentName { get; private set; } = "";

    public string Slug { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var body = await db.Bodies.AsNoTracking().FirstOrDefaultAsync(b => b.Slug == slug, cancellationToken);
        if (body is null) return NotFound();
        Show(body);
        Input = BodyInput.From(body);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var posted = Version;
        var body = await db.Bodies.FirstOrDefaultAsync(b => b.Slug == slug, cancellationToken);
        if (body is null) return NotFound();
        Show(body);
        if (body.Version != posted) return Stale(body);
        if (await Input.CheckAsync(validator, db, body.Id, ModelState, cancellationToken) is not { } valid) return Page();

        var staff = await users.GetUserAsync(User);
        BodyInput.Apply(body, valid, Input);
        body.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        body.UpdatedBy = staff?.FullName ?? "Staff";
        db.ExpectVersion(body, b => b.Version, posted);
        bool saved;
        try
        {
            saved = await db.TrySaveAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            ModelState.AddModelError("Input.Name", BodyInput.NameTaken(valid.Name));
            return Page();
        }

        if (!saved)
        {
            var now = await db.Bodies.AsNoTracking().FirstOrDefaultAsync(b => b.Id == body.Id, cancellationToken);
            if (now is null) return NotFound();
            Show(now);
            return Stale(now);
        }

        StatusMessage = $"{body.Name} is saved.";
        return RedirectToPage("/Staff/Committees/Detail", new { slug = body.Slug });
    }

    private void Show(Body body)
    {
        CurrentName = body.Name;
        Slug = body.Slug;
        Version = body.Version;
    }

    /// <summary>Someone saved the body since this form was opened: show theirs, keep nothing of ours.</summary>
    private PageResult Stale(Body current)
    {
        ModelState.Clear();
        ModelState.AddModelError("", $"{current.Name} was changed by {current.UpdatedBy ?? "someone else"} while you were editing it; nothing was saved. Here it is as it is now; make your change again.");
        Input = BodyInput.From(current);
        Version = current.Version;
        return Page();
    }
}
