namespace MayorsNetwork.Domain.Members;

/// <summary>A person the association writes to: the mayor, the staff liaison or the billing contact.</summary>
public sealed class Contact
{
    public string Name { get; set; } = "";

    public string Email { get; set; } = "";

    public string Phone { get; set; } = "";

    /// <summary>A separate copy, so that two records never share one contact.</summary>
    public Contact Copy() => new() { Name = Name, Email = Email, Phone = Phone };
}
