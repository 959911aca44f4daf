using System.Security.Claims;
using MayorsNetwork.Domain.Invoices;
using MayorsNetwork.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MayorsNetwork.Web.Pages.Account.Invoices;

/// <summary>The invoices of the city the signed-in person acts for, with their status and balance.</summary>
public sealed class IndexModel(PortalDbContext db) : PortalPageModel
{
    public string? CityName { get; private set; }

    public IReadOnlyList<Row> Invoices { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var governmentId = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.GovernmentId).SingleAsync(cancellationToken);
        if (governmentId is null) return;

        CityName = await db.Governments.AsNoTracking().Where(g => g.Id == governmentId).Select(g => g.Name + ", " + g.State).SingleAsync(cancellationToken);
        // A city has one invoice a year: no paging needed. Balances are summed here (SQLite cannot SUM decimals).
        var items = await db.Invoices.AsNoTracking()
            .Where(i => i.Membership.GovernmentId == governmentId)
            .OrderByDescending(i => i.FiscalYear).ThenByDescending(i => i.Sequence)
            .Select(i => new { i.Id, i.Number, i.FiscalYear, i.IssuedOn, i.DueOn, i.Total, i.Status, Paid = i.Payments.Select(p => p.Amount).ToList() })
            .ToListAsync(cancellationToken);
        Invoices = items.Select(i => new Row(i.Number, i.FiscalYear, i.IssuedOn, i.DueOn, i.Total, i.Total - i.Paid.Sum(), i.Status)).ToList();
    }

    public sealed record Row(string Number, int FiscalYear, DateOnly IssuedOn, DateOnly DueOn, decimal Total, decimal Balance, InvoiceStatus Status);
}
