using MayorsNetwork.Domain.Invoices;

namespace MayorsNetwork.Web.Services;

/// <summary>A payment as staff entered it, already parsed by the page.</summary>
public sealed record PaymentEntry(decimal Amount, DateOnly ReceivedOn, PaymentMethod Method, string Reference);
