using Catalog.Domain.Audit;
using Catalog.Plugins.Governance.Audit;
using Catalog.Plugins.Governance.Identity;
using Microsoft.AspNetCore.Identity;

namespace Catalog.Plugins.Governance.Authentication;

public sealed record SignInOutcome(bool Succeeded, string Message);

/// <summary>Password sign-in with lockout; failures and lockouts are audited (success too, so sessions can be traced).</summary>
public sealed class SignInService(SignInManager<CatalogUser> signIn, UserManager<CatalogUser> users, AuditTrail audit)
{
    public const string FailedMessage = "The user name or password is not right.";

    public async Task<SignInOutcome> SignInAsync(string? userName, string? password, string? remoteAddress, CancellationToken cancellationToken = default)
    {
        userName = userName?.Trim() ?? "";
        if (userName.Length is 0 or > 256 || string.IsNullOrEmpty(password) || password.Length > 1024)
            return await FailAsync(userName, AuditActions.SignInFailed, FailedMessage, remoteAddress, cancellationToken);
        var user = await users.FindByNameAsync(userName);
        if (user is null)
            return await FailAsync(userName, AuditActions.SignInFailed, FailedMessage, remoteAddress, cancellationToken);
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await audit.RecordAsync(new AuditRecord(user.CatalogUserRef, AuditActions.SignIn, user.CatalogUserRef) { After = new { from = remoteAddress } }, cancellationToken);
            return new(true, "Signed in.");
        }
        if (result.IsLockedOut)
            return await FailAsync(userName, AuditActions.LockedOut, "This account is locked after too many failed sign-ins. Try again later or ask an admin.", remoteAddress, cancellationToken);
        return await FailAsync(userName, AuditActions.SignInFailed, FailedMessage, remoteAddress, cancellationToken);
    }

    public async Task SignOutAsync(string actor, CancellationToken cancellationToken = default)
    {
        await signIn.SignOutAsync();
        await audit.RecordAsync(new AuditRecord(actor, AuditActions.SignOut, actor), cancellationToken);
    }

    private async Task<SignInOutcome> FailAsync(string userName, string action, string message, string? remoteAddress, CancellationToken cancellationToken)
    {
        // The attempted name is the target, not the actor: nobody is authenticated yet.
        await audit.RecordAsync(new AuditRecord("anonymous", action, $"user-name:{Domain.Entities.MetadataLimits.Truncate(userName, 256)}")
        {
            After = new { from = remoteAddress }, Succeeded = false,
        }, cancellationToken);
        return new(false, message);
    }
}
